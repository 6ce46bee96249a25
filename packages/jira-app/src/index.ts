// The Forge app's pieces that are not entry points (src/frontend/*.tsx are): the UI Kit components, their view logic
// and the contract of the worker's answers.
export * from './components/bugs-page.js';
export * from './components/impact-panel.js';
export * from './view/page-view.js';
export * from './view/panel-view.js';
export * from './view/remote-call.js';
export * from './view/remote-contract.js';
