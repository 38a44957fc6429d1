import { escapeHtml } from './html-escape.ts';

/** The few HTML pages a person sees: the sign-in form and the signed-in page. */

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center;
         background: Canvas; color: CanvasText; }
  main { width: min(24rem, 100% - 2rem); padding: 2rem; border: 1px solid GrayText;
         border-radius: 0.75rem; }
  h1 { font-size: 1.4rem; margin: 0 0 0.25rem; }
  p.note { margin: 0 0 1.5rem; color: GrayText; font-size: 0.9rem; }
  label { display: block; font-weight: 600; margin: 1rem 0 0.25rem; }
  input { box-sizing: border-box; width: 100%; padding: 0.55rem; font: inherit;
          border: 1px solid GrayText; border-radius: 0.4rem; }
  input:focus-visible, button:focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
  button { margin-top: 1.5rem; width: 100%; padding: 0.65rem; font: inherit; font-weight: 600;
           border: 0; border-radius: 0.4rem; background: #0b5cad; color: #fff; cursor: pointer; }
  .error { margin: 1rem 0 0; padding: 0.6rem 0.75rem; border-radius: 0.4rem;
           background: #fde8e8; color: #8a1111; }
`;

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${content}
</main>
</body>
</html>
`;
}

export function loginPage(options: { error?: string; login?: string } = {}): string {
  const error = options.error === undefined
    ? ''
    : `<p class="error" id="login-error" role="alert">${escapeHtml(options.error)}</p>`;
  const described = options.error === undefined ? '' : ' aria-describedby="login-error" aria-invalid="true"';
  return page('Sign in - eTwinning (sample platform)', `<h1>Sign in to eTwinning</h1>
<p class="note">Sample platform: the accounts come from the loaded snapshot.</p>
<form method="post" action="/login">
<label for="login">Login</label>
<input id="login" name="login" type="text" autocomplete="username" autocapitalize="none"
  spellcheck="false" required value="${escapeHtml(options.login ?? '')}"${described}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${described}>
${error}
<button type="submit">Sign in</button>
</form>`);
}

export function signedInPage(name: string): string {
  return page('Signed in - eTwinning (sample platform)', `<h1>Signed in as ${escapeHtml(name)}</h1>
<p class="note">You can close this window.</p>
<form method="post" action="/logout">
<button type="submit">Sign out</button>
</form>`);
}
