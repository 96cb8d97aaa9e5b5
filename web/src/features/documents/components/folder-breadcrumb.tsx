import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';

type Crumb = { id: string; name: string };
type Props = { breadcrumb: Crumb[]; trashed: boolean; href: (folderId: string | null) => string };

/** Documents › Projects › 2025: each level but the current one is a link. */
export function FolderBreadcrumb({ breadcrumb, trashed, href }: Props) {
  const t = useT();
  const levels = [{ id: null, name: trashed ? t('documents.trash') : t('documents.root') }, ...breadcrumb];
  return (
    <nav aria-label={t('documents.folderPath')} style={{ minWidth: 0 }}>
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        {levels.map((level, index) =>
          index === levels.length - 1 ? (
            <Text key={level.id ?? 'root'} fw={600} fz="sm" aria-current="page" style={{ overflowWrap: 'anywhere' }}>
              {level.name}
            </Text>
          ) : (
            <Anchor
              key={level.id ?? 'root'}
              component={Link}
              to={href(level.id)}
              fz="sm"
              style={{ overflowWrap: 'anywhere' }}
            >
              {level.name}
            </Anchor>
          ),
        )}
      </Breadcrumbs>
    </nav>
  );
}
