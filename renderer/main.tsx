import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Api } from './api/api.js';
import { createHttpBridge } from './api/httpBridge.js';
import { App } from './app/App.js';
import './reader/reader.css';
import './styles.css';

// Electron's preload provides the bridge; a page served by `gloss serve` builds its own.
const api = new Api(window.gloss ?? createHttpBridge());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={api} />
  </StrictMode>,
);
