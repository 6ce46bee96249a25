// Vite entry of the sidebar iframe (HTML entries load modules inside the app root).
import '../src/sidebar/main.js';
