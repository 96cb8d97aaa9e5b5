import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { api } from '../../../lib/api';
import { useT } from '../../../lib/i18n';
import { FormError } from '../../../ui/form-error';
import { refreshDocuments } from '../documents.api';
import type { Row } from '../documents.types';

type Props =
  | { mode: 'newFolder'; spaceId: string; parentId: string | null; onClose: () => void }
  | { mode: 'rename'; spaceId: string; row: Row; onClose: () => void };

/** A name and a button: creates a folder, or renames a file or folder. */
export function NameModal(props: Props) {
  const t = useT();
  const initial = props.mode === 'rename' ? props.row.item.name : '';
  const [name, setName] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const keepExtension = props.mode === 'rename' && props.row.type === 'document';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await run(props, name.trim());
      await refreshDocuments();
      props.onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  const title =
    props.mode === 'newFolder' ? t('documents.newFolder') : t('documents.renameTitle', { name: props.row.item.name });
  return (
    <Modal opened onClose={props.onClose} title={title} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={props.mode === 'newFolder' ? t('documents.folderName') : t('documents.newName')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            onFocus={(event) => selectBaseName(event.currentTarget, keepExtension)}
            required
            maxLength={255}
            data-autofocus
          />
          <FormError error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} disabled={!name.trim() || name.trim() === initial}>
              {props.mode === 'newFolder' ? t('documents.createFolder') : t('documents.rename')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Renaming "Report.pdf" selects "Report": the extension, which decides the type, is rarely what changes. */
function selectBaseName(input: HTMLInputElement, keepExtension: boolean) {
  // A selection made before focus (select-all by a tool or the person) is theirs to keep.
  if (input.selectionStart !== input.selectionEnd) return;
  const dot = input.value.lastIndexOf('.');
  input.setSelectionRange(0, keepExtension && dot > 0 ? dot : input.value.length);
}

function run(props: Props, name: string) {
  if (props.mode === 'newFolder') {
    return api('createFolder', { params: { id: props.spaceId }, body: { name, parentId: props.parentId } });
  }
  const { row } = props;
  return row.type === 'folder'
    ? api('updateFolder', { params: { id: row.item.id }, body: { name } })
    : api('updateDocument', { params: { id: row.item.id }, body: { name } });
}
