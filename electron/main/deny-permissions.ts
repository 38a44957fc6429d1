import type { Session } from 'electron';

/**
 * TwinArchive's pages need no browser permission (camera, notifications, geolocation, HID…),
 * and the login window shows a page we do not control: every request and check says no.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
