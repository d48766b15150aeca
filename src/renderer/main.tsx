// Renderer entry: the global styles first (features' own CSS builds on them), then the app.
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './ui/ui.css';
import './ui/pane.css';
import './ui/type-badge.css';
import './features/app/app.css';
import './features/jobs/jobs.css';
import './features/notices/notices.css';
import './features/datasets/datasets.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
