/** Who follows which folder: a new file or version in it, or in a folder below, brings them a notice. */
export type FolderFollowsTable = {
  id: string;
  folder_id: string;
  user_id: string;
  created_at: string;
};

/** In-app notices, each addressed to one person (written as the person will read it, in their language). */
export type NotificationsTable = {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  created_at: string;
  read_at: string | null;
};
