import type { RouteName } from '@gatehouse/contracts';

/**
 * A valid body for every route that takes one, so a test can get past validation and reach authorization.
 * `{placeholders}` are replaced by the caller.
 */
export function sampleBody(name: RouteName, ids: { organizationId: string; personId: string }): unknown {
  const stamp = `${Date.now()}${Math.floor(performance.now())}`;
  const bodies: Partial<Record<RouteName, unknown>> = {
    login: { email: 'nobody@example.test', password: 'not the password at all' },
    twoFactor: { code: '123456' },
    forgotPassword: { email: 'nobody@example.test' },
    resetPassword: { token: 'x'.repeat(43), password: 'a perfectly fine passphrase' },
    setup: {
      token: 'x'.repeat(43),
      email: 'first@example.test',
      name: 'First',
      password: 'a perfectly fine passphrase',
    },
    acceptInvitation: { password: 'a perfectly fine passphrase' },
    updateMe: { name: 'Renamed' },
    changePassword: { currentPassword: 'wrong wrong wrong', newPassword: 'a perfectly fine passphrase' },
    totpEnable: { code: '123456' },
    totpDisable: { password: 'wrong wrong wrong' },
    regenerateRecoveryCodes: { password: 'wrong wrong wrong' },
    createToken: { name: 'sample token' },
    createOrganization: { name: `Sample ${stamp}`, kind: 'customer' },
    updateOrganization: { name: `Renamed ${stamp}` },
    invitePerson: { email: `sample-${stamp}@example.test`, name: 'Sample', organizationId: ids.organizationId },
    updatePerson: { name: 'Renamed' },
    createSpace: { name: `Sample ${stamp}`, kind: 'project' },
    updateSpace: { description: 'changed' },
    addMember: { personId: ids.personId, role: 'viewer' },
    updateMember: { role: 'viewer' },
    inviteToSpace: {
      email: `sample-${stamp}@example.test`,
      name: 'Sample',
      organizationId: ids.organizationId,
      role: 'viewer',
    },
    createFolder: { name: `Folder ${stamp}` },
    updateDocumentSettings: { keepVersions: 10 },
    updateFolder: { name: `Renamed ${stamp}` },
    updateDocument: { description: 'changed' },
    copyDocument: { folderId: null },
    lockDocument: { minutes: 30 },
    createDocumentShareLink: { expiresInDays: 3, maxDownloads: 2 },
    createFolderShareLink: { expiresInDays: 3, maxDownloads: 2 },
    unlockShare: { password: 'not the password' },
    sendShareCode: { email: 'nobody@example.test' },
    verifyShareCode: { code: '123456' },
    createDocumentRequest: {
      title: 'Onboarding papers',
      recipientName: 'Sample',
      recipientEmail: `sample-${stamp}@example.test`,
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      items: ['Kbis extract'],
    },
    reviewRequestItem: { decision: 'approve' },
  };
  return bodies[name];
}

/** Fills `:param` segments of a contract path. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/:([a-zA-Z]+)/g, (_, name: string) => encodeURIComponent(values[name] ?? `missing-${name}`));
}
