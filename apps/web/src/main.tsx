import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadCatalog, storedLocale } from './platform/i18n';
import './platform/ui/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

await loadCatalog(storedLocale());
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
