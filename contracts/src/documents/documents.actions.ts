/** The `resource.verb` actions the central policy decides for the documents module. */
export const documentsActions = [
  'folder.read',
  'folder.create',
  'folder.update',
  'folder.delete',
  'document.read',
  'document.upload',
  'document.update',
  'document.delete',
  'document.lock',
  'document.break_lock',
  'document.read_access_log',
  'document.manage_settings',
] as const;
