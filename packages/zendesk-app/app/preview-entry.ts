// Vite entry of the preview harness.
import '../src/preview/harness.js';
