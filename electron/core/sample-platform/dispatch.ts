import { sendMe, sendPersonalItems, sendSpaceActivity, sendSpaceItems, sendSpaces } from './api-handlers.ts';
import { showHome, showLoginForm, signIn, signOut } from './auth-handlers.ts';
import { sendContent, sendFile } from './content-handlers.ts';
import { FAULT_HEADER, isBodyFault, type Fault } from './fault-plan.ts';
import type { RequestContext } from './request-context.ts';
import { sendError } from './responses.ts';
import type { Route } from './routes.ts';
import { sessionToken } from './sessions.ts';

/**
 * Hands a routed request to its handler: pages directly; calls after their status fault, if
 * one is due, and after the session check (which counts towards expiry).
 */

export function isCallRoute(route: Route): boolean {
  return !['login-form', 'login', 'logout', 'home'].includes(route.name);
}

function sendStatusFault(context: RequestContext, fault: Fault): void {
  const header = { [FAULT_HEADER]: fault.kind };
  switch (fault.kind) {
    case 'status-500':
      sendError(context.res, 500, 'internal server error', header);
      return;
    case 'status-503':
      sendError(context.res, 503, 'service unavailable', header);
      return;
    case 'status-429':
      sendError(context.res, 429, 'too many requests', { ...header, 'Retry-After': '1' });
      return;
    default:
      context.sessions.end(sessionToken(context.req.headers.cookie));
      sendError(context.res, 401, 'not signed in', header);
  }
}

async function answerCall(
  context: RequestContext,
  route: Route,
  accountId: string,
  fault: Fault | null,
): Promise<void> {
  switch (route.name) {
    case 'me':
      return sendMe(context, accountId);
    case 'spaces':
      return sendSpaces(context, accountId);
    case 'space-activity':
      return sendSpaceActivity(context, accountId, route.spaceId);
    case 'space-items':
      return sendSpaceItems(context, accountId, route.spaceId);
    case 'my-items':
      return sendPersonalItems(context, accountId);
    case 'content':
      return sendContent(context, accountId, route.itemId, fault);
    case 'file':
      return sendFile(context, accountId, route.itemId, route.fileName, fault);
    default:
      sendError(context.res, 404, 'not found');
  }
}

export async function answer(context: RequestContext, route: Route, fault: Fault | null): Promise<void> {
  switch (route.name) {
    case 'login-form':
      return showLoginForm(context);
    case 'login':
      return signIn(context);
    case 'logout':
      return signOut(context);
    case 'home':
      return showHome(context);
    default:
      break;
  }
  if (fault !== null && !isBodyFault(fault.kind)) {
    sendStatusFault(context, fault);
    return;
  }
  const accountId = context.sessions.use(sessionToken(context.req.headers.cookie));
  if (accountId === null) {
    sendError(context.res, 401, 'not signed in');
    return;
  }
  await answerCall(context, route, accountId, fault);
}
