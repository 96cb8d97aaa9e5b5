import type { Translate } from '../../lib/i18n';
import { can } from '../../lib/policy';
import type { IconName } from '../../ui/icons';
import type { Row } from '../documents/documents.types';
import { openShareDialog } from './shares.api';

/** The "Share" entry of a file's or folder's menu, when the person may share it (contributors and up). */
export function shareMenuItems(
  t: Translate,
  row: Row,
): { key: string; label: string; icon: IconName; onClick: () => void }[] {
  if (!can(row.item.abilities, 'share.create')) return [];
  const target = { type: row.type, id: row.item.id, name: row.item.name };
  return [{ key: 'share', label: t('shares.share'), icon: 'users', onClick: () => openShareDialog(target) }];
}
