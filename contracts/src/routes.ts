import { z } from 'zod';
import { AuditEvent, ListAuditQuery } from './audit';
import { IdParams, Ok } from './common';
import {
  AccessLogEntry,
  ContentQuery,
  CopyDocumentBody,
  CreateFolderBody,
  DocumentSettings,
  DocumentSummary,
  DocumentVersion,
  Folder,
  FolderListing,
  ListFilesQuery,
  LockBody,
  UpdateDocumentBody,
  UpdateDocumentSettingsBody,
  UpdateFolderBody,
  VersionParams,
} from './documents';
import {
  AcceptInvitationBody,
  ApiToken,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiToken,
  ForgotPasswordBody,
  InvitationInfo,
  LoginBody,
  LoginResult,
  Me,
  RecoveryCodes,
  ResetPasswordBody,
  Session,
  SetupBody,
  SetupStatus,
  TotpDisableBody,
  TotpEnableBody,
  TotpSetup,
  TwoFactorBody,
  UpdateMeBody,
} from './identity';
import { CreateOrganizationBody, ListOrganizationsQuery, Organization, UpdateOrganizationBody } from './organizations';
import { InvitePersonBody, ListPeopleQuery, Person, UpdatePersonBody } from './people';
import {
  AddMemberBody,
  CreateSpaceBody,
  MemberParams,
  Space,
  SpaceInviteBody,
  SpaceMember,
  UpdateMemberBody,
  UpdateSpaceBody,
} from './spaces';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * One contract per route: the server validates with it and documents it in OpenAPI; the web client derives its
 * types from it. `public: true` routes are reachable without a session (the route inventory test checks the list).
 */
export type RouteContract = {
  method: Method;
  path: string;
  summary: string;
  public?: boolean;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  status?: number;
};

const def = <T extends RouteContract>(contract: T) => contract;
const TokenParams = z.object({ token: z.string().min(10).max(200) }).strict();
const SessionParams = IdParams;

export const routes = {
  // identity
  login: def({
    method: 'POST',
    path: '/api/v1/auth/login',
    summary: 'Sign in',
    public: true,
    body: LoginBody,
    response: LoginResult,
  }),
  twoFactor: def({
    method: 'POST',
    path: '/api/v1/auth/2fa',
    summary: 'Complete sign-in with a TOTP or recovery code',
    public: true,
    body: TwoFactorBody,
    response: Ok,
  }),
  logout: def({ method: 'POST', path: '/api/v1/auth/logout', summary: 'Sign out', public: true, response: Ok }),
  forgotPassword: def({
    method: 'POST',
    path: '/api/v1/auth/password/forgot',
    summary: 'Send a password reset link',
    public: true,
    body: ForgotPasswordBody,
    response: Ok,
    status: 202,
  }),
  resetPassword: def({
    method: 'POST',
    path: '/api/v1/auth/password/reset',
    summary: 'Set a new password with a reset token',
    public: true,
    body: ResetPasswordBody,
    response: Ok,
  }),
  setupStatus: def({
    method: 'GET',
    path: '/api/v1/setup',
    summary: 'Whether the first admin must still be created',
    public: true,
    response: SetupStatus,
  }),
  setup: def({
    method: 'POST',
    path: '/api/v1/setup',
    summary: 'Create the first host admin with the one-time setup token',
    public: true,
    body: SetupBody,
    response: Ok,
  }),
  getInvitation: def({
    method: 'GET',
    path: '/api/v1/invitations/:token',
    summary: 'Read an invitation',
    public: true,
    params: TokenParams,
    response: InvitationInfo,
  }),
  acceptInvitation: def({
    method: 'POST',
    path: '/api/v1/invitations/:token/accept',
    summary: 'Accept an invitation and set a password',
    public: true,
    params: TokenParams,
    body: AcceptInvitationBody,
    response: Ok,
  }),
  me: def({ method: 'GET', path: '/api/v1/me', summary: 'The signed-in person', response: Me }),
  updateMe: def({
    method: 'PATCH',
    path: '/api/v1/me',
    summary: 'Update own profile',
    body: UpdateMeBody,
    response: Me,
  }),
  changePassword: def({
    method: 'POST',
    path: '/api/v1/me/password',
    summary: 'Change own password',
    body: ChangePasswordBody,
    response: Ok,
  }),
  listSessions: def({
    method: 'GET',
    path: '/api/v1/me/sessions',
    summary: 'Own open sessions',
    response: z.object({ sessions: z.array(Session) }),
  }),
  endSession: def({
    method: 'DELETE',
    path: '/api/v1/me/sessions/:id',
    summary: 'End one of own sessions',
    params: SessionParams,
    response: Ok,
  }),
  endOtherSessions: def({
    method: 'POST',
    path: '/api/v1/me/sessions/end-others',
    summary: 'End every other session',
    response: Ok,
  }),
  totpSetup: def({
    method: 'POST',
    path: '/api/v1/me/2fa/totp/setup',
    summary: 'Start TOTP enrolment',
    response: TotpSetup,
  }),
  totpEnable: def({
    method: 'POST',
    path: '/api/v1/me/2fa/totp/enable',
    summary: 'Confirm TOTP enrolment',
    body: TotpEnableBody,
    response: RecoveryCodes,
  }),
  totpDisable: def({
    method: 'POST',
    path: '/api/v1/me/2fa/totp/disable',
    summary: 'Turn TOTP off',
    body: TotpDisableBody,
    response: Ok,
  }),
  regenerateRecoveryCodes: def({
    method: 'POST',
    path: '/api/v1/me/2fa/recovery-codes',
    summary: 'Replace recovery codes',
    body: TotpDisableBody,
    response: RecoveryCodes,
  }),
  listTokens: def({
    method: 'GET',
    path: '/api/v1/me/tokens',
    summary: 'Own API tokens',
    response: z.object({ tokens: z.array(ApiToken) }),
  }),
  createToken: def({
    method: 'POST',
    path: '/api/v1/me/tokens',
    summary: 'Create an API token',
    body: CreateApiTokenBody,
    response: CreatedApiToken,
    status: 201,
  }),
  revokeToken: def({
    method: 'DELETE',
    path: '/api/v1/me/tokens/:id',
    summary: 'Revoke an API token',
    params: IdParams,
    response: Ok,
  }),

  // organizations
  listOrganizations: def({
    method: 'GET',
    path: '/api/v1/organizations',
    summary: 'Organizations the actor may see',
    query: ListOrganizationsQuery,
    response: z.object({ organizations: z.array(Organization), abilities: z.record(z.string(), z.boolean()) }),
  }),
  createOrganization: def({
    method: 'POST',
    path: '/api/v1/organizations',
    summary: 'Create a partner organization',
    body: CreateOrganizationBody,
    response: z.object({ organization: Organization }),
    status: 201,
  }),
  getOrganization: def({
    method: 'GET',
    path: '/api/v1/organizations/:id',
    summary: 'One organization',
    params: IdParams,
    response: z.object({ organization: Organization }),
  }),
  updateOrganization: def({
    method: 'PATCH',
    path: '/api/v1/organizations/:id',
    summary: 'Rename or re-kind an organization',
    params: IdParams,
    body: UpdateOrganizationBody,
    response: z.object({ organization: Organization }),
  }),
  disableOrganization: def({
    method: 'POST',
    path: '/api/v1/organizations/:id/disable',
    summary: 'Disable an organization and everyone in it',
    params: IdParams,
    response: z.object({ organization: Organization }),
  }),
  enableOrganization: def({
    method: 'POST',
    path: '/api/v1/organizations/:id/enable',
    summary: 'Enable an organization again',
    params: IdParams,
    response: z.object({ organization: Organization }),
  }),

  // people
  listPeople: def({
    method: 'GET',
    path: '/api/v1/people',
    summary: 'People the actor may see',
    query: ListPeopleQuery,
    response: z.object({ people: z.array(Person), abilities: z.record(z.string(), z.boolean()) }),
  }),
  invitePerson: def({
    method: 'POST',
    path: '/api/v1/people',
    summary: 'Invite a person by e-mail',
    body: InvitePersonBody,
    response: z.object({ person: Person }),
    status: 201,
  }),
  getPerson: def({
    method: 'GET',
    path: '/api/v1/people/:id',
    summary: 'One person',
    params: IdParams,
    response: z.object({ person: Person }),
  }),
  updatePerson: def({
    method: 'PATCH',
    path: '/api/v1/people/:id',
    summary: 'Update a person',
    params: IdParams,
    body: UpdatePersonBody,
    response: z.object({ person: Person }),
  }),
  disablePerson: def({
    method: 'POST',
    path: '/api/v1/people/:id/disable',
    summary: 'Disable a person (ends every session and token)',
    params: IdParams,
    response: z.object({ person: Person }),
  }),
  enablePerson: def({
    method: 'POST',
    path: '/api/v1/people/:id/enable',
    summary: 'Enable a person again',
    params: IdParams,
    response: z.object({ person: Person }),
  }),
  resendInvitation: def({
    method: 'POST',
    path: '/api/v1/people/:id/resend-invitation',
    summary: 'Send a fresh invitation link',
    params: IdParams,
    response: Ok,
  }),

  // spaces
  listSpaces: def({
    method: 'GET',
    path: '/api/v1/spaces',
    summary: 'Spaces the actor belongs to (all for host admins)',
    response: z.object({ spaces: z.array(Space), abilities: z.record(z.string(), z.boolean()) }),
  }),
  createSpace: def({
    method: 'POST',
    path: '/api/v1/spaces',
    summary: 'Create a space',
    body: CreateSpaceBody,
    response: z.object({ space: Space }),
    status: 201,
  }),
  getSpace: def({
    method: 'GET',
    path: '/api/v1/spaces/:id',
    summary: 'One space',
    params: IdParams,
    response: z.object({ space: Space }),
  }),
  updateSpace: def({
    method: 'PATCH',
    path: '/api/v1/spaces/:id',
    summary: 'Rename or describe a space',
    params: IdParams,
    body: UpdateSpaceBody,
    response: z.object({ space: Space }),
  }),
  archiveSpace: def({
    method: 'POST',
    path: '/api/v1/spaces/:id/archive',
    summary: 'Archive a space',
    params: IdParams,
    response: z.object({ space: Space }),
  }),
  listMembers: def({
    method: 'GET',
    path: '/api/v1/spaces/:id/members',
    summary: 'Members of a space',
    params: IdParams,
    response: z.object({ members: z.array(SpaceMember) }),
  }),
  addMember: def({
    method: 'POST',
    path: '/api/v1/spaces/:id/members',
    summary: 'Add a person or organization',
    params: IdParams,
    body: AddMemberBody,
    response: z.object({ member: SpaceMember }),
    status: 201,
  }),
  updateMember: def({
    method: 'PATCH',
    path: '/api/v1/spaces/:id/members/:memberId',
    summary: 'Change a role or expiry',
    params: MemberParams,
    body: UpdateMemberBody,
    response: z.object({ member: SpaceMember }),
  }),
  removeMember: def({
    method: 'DELETE',
    path: '/api/v1/spaces/:id/members/:memberId',
    summary: 'Remove a member',
    params: MemberParams,
    response: Ok,
  }),
  inviteToSpace: def({
    method: 'POST',
    path: '/api/v1/spaces/:id/invitations',
    summary: 'Invite an outsider straight into the space',
    params: IdParams,
    body: SpaceInviteBody,
    response: z.object({ member: SpaceMember }),
    status: 201,
  }),

  // documents (uploads are multipart/form-data: a `file` part, optional `folderId` and `comment` fields)
  listFiles: def({
    method: 'GET',
    path: '/api/v1/spaces/:id/files',
    summary: 'List a folder of a space',
    params: IdParams,
    query: ListFilesQuery,
    response: FolderListing,
  }),
  createFolder: def({
    method: 'POST',
    path: '/api/v1/spaces/:id/folders',
    summary: 'Create a folder',
    params: IdParams,
    body: CreateFolderBody,
    response: z.object({ folder: Folder }),
    status: 201,
  }),
  uploadDocument: def({
    method: 'POST',
    path: '/api/v1/spaces/:id/documents',
    summary: 'Upload a file (a new version when the name exists in the folder)',
    params: IdParams,
    response: z.object({ document: DocumentSummary, created: z.boolean() }),
    status: 201,
  }),
  getDocumentSettings: def({
    method: 'GET',
    path: '/api/v1/spaces/:id/document-settings',
    summary: 'Quota and version retention of a space',
    params: IdParams,
    response: DocumentSettings,
  }),
  updateDocumentSettings: def({
    method: 'PATCH',
    path: '/api/v1/spaces/:id/document-settings',
    summary: 'Change quota and version retention',
    params: IdParams,
    body: UpdateDocumentSettingsBody,
    response: DocumentSettings,
  }),
  updateFolder: def({
    method: 'PATCH',
    path: '/api/v1/folders/:id',
    summary: 'Rename or move a folder',
    params: IdParams,
    body: UpdateFolderBody,
    response: z.object({ folder: Folder }),
  }),
  trashFolder: def({
    method: 'POST',
    path: '/api/v1/folders/:id/trash',
    summary: 'Move a folder and its content to the trash',
    params: IdParams,
    response: z.object({ folder: Folder }),
  }),
  restoreFolder: def({
    method: 'POST',
    path: '/api/v1/folders/:id/restore',
    summary: 'Restore a folder from the trash',
    params: IdParams,
    response: z.object({ folder: Folder }),
  }),
  downloadFolder: def({
    method: 'GET',
    path: '/api/v1/folders/:id/zip',
    summary: 'Download a folder as a zip (streamed)',
    params: IdParams,
    response: z.string(),
  }),
  getDocument: def({
    method: 'GET',
    path: '/api/v1/documents/:id',
    summary: 'One document',
    params: IdParams,
    response: z.object({ document: DocumentSummary }),
  }),
  updateDocument: def({
    method: 'PATCH',
    path: '/api/v1/documents/:id',
    summary: 'Rename, move, describe or tag a document',
    params: IdParams,
    body: UpdateDocumentBody,
    response: z.object({ document: DocumentSummary }),
  }),
  copyDocument: def({
    method: 'POST',
    path: '/api/v1/documents/:id/copy',
    summary: 'Copy a document',
    params: IdParams,
    body: CopyDocumentBody,
    response: z.object({ document: DocumentSummary }),
    status: 201,
  }),
  trashDocument: def({
    method: 'POST',
    path: '/api/v1/documents/:id/trash',
    summary: 'Move a document to the trash',
    params: IdParams,
    response: z.object({ document: DocumentSummary }),
  }),
  restoreDocument: def({
    method: 'POST',
    path: '/api/v1/documents/:id/restore',
    summary: 'Restore a document from the trash',
    params: IdParams,
    response: z.object({ document: DocumentSummary }),
  }),
  downloadDocument: def({
    method: 'GET',
    path: '/api/v1/documents/:id/content',
    summary: 'Download (Range, ETag) or preview a document or one of its versions',
    params: IdParams,
    query: ContentQuery,
    response: z.string(),
  }),
  listVersions: def({
    method: 'GET',
    path: '/api/v1/documents/:id/versions',
    summary: 'Version history',
    params: IdParams,
    response: z.object({ versions: z.array(DocumentVersion) }),
  }),
  uploadVersion: def({
    method: 'POST',
    path: '/api/v1/documents/:id/versions',
    summary: 'Upload a new version',
    params: IdParams,
    response: z.object({ document: DocumentSummary }),
    status: 201,
  }),
  restoreVersion: def({
    method: 'POST',
    path: '/api/v1/documents/:id/versions/:versionId/restore',
    summary: 'Make an old version current again (as a new version)',
    params: VersionParams,
    response: z.object({ document: DocumentSummary }),
  }),
  lockDocument: def({
    method: 'POST',
    path: '/api/v1/documents/:id/lock',
    summary: 'Check out (lock) a document',
    params: IdParams,
    body: LockBody,
    response: z.object({ document: DocumentSummary }),
  }),
  unlockDocument: def({
    method: 'DELETE',
    path: '/api/v1/documents/:id/lock',
    summary: 'Check in, or break a lock (managers)',
    params: IdParams,
    response: z.object({ document: DocumentSummary }),
  }),
  documentAccessLog: def({
    method: 'GET',
    path: '/api/v1/documents/:id/access-log',
    summary: 'Who consulted this document, when (managers)',
    params: IdParams,
    response: z.object({ entries: z.array(AccessLogEntry) }),
  }),

  // audit
  listAudit: def({
    method: 'GET',
    path: '/api/v1/audit',
    summary: 'Browse the audit trail',
    query: ListAuditQuery,
    response: z.object({ events: z.array(AuditEvent), nextBefore: z.number().int().nullable() }),
  }),
  exportAudit: def({
    method: 'GET',
    path: '/api/v1/audit/export.csv',
    summary: 'Export the audit trail as CSV',
    query: ListAuditQuery.omit({ limit: true, before: true }),
    response: z.string(),
  }),
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
export type RouteBody<N extends RouteName> = Routes[N] extends { body: z.ZodType }
  ? z.input<Routes[N]['body']>
  : undefined;
export type RouteResponse<N extends RouteName> = z.output<Routes[N]['response']>;
