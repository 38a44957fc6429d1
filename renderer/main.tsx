import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectApi } from './api.ts';
import { Root } from './app/Root.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/screens.css';

// Once, before React: the dev bridge's token is taken from the address and then removed from it.
let connection: Parameters<typeof Root>[0];
try {
  connection = { api: connectApi(), startupError: null };
} catch (error) {
  connection = { api: null, startupError: error };
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <Root {...connection} />
    </StrictMode>,
  );
}
