import { notifications } from '@mantine/notifications';
import { type DragEvent, type ReactNode, useRef, useState } from 'react';
import { useT } from '../../../lib/i18n';
import { Icon } from '../../../ui/icons';
import classes from '../documents.module.css';
import { droppedEntries, planFromEntries } from '../uploads/drop-entries';
import type { UploadPlan } from '../uploads/upload-plan';

type Props = { enabled: boolean; target: string; onDrop: (plan: UploadPlan) => void; children: ReactNode };

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/** Files and whole folders dropped anywhere on the listing are uploaded into the folder on screen. */
export function DropZone({ enabled, target, onDrop, children }: Props) {
  const t = useT();
  const [over, setOver] = useState(false);
  // dragenter/dragleave also fire for every child crossed: count them so the overlay does not flicker.
  const depth = useRef(0);

  const onDragEnter = (event: DragEvent) => {
    if (!enabled || !carriesFiles(event)) return;
    event.preventDefault();
    depth.current += 1;
    setOver(true);
  };
  const onDragOver = (event: DragEvent) => {
    if (!enabled || !carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = () => {
    if (!enabled) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  };
  const drop = (event: DragEvent) => {
    if (!enabled || !carriesFiles(event)) return;
    event.preventDefault();
    depth.current = 0;
    setOver(false);
    const dropped = droppedEntries(event.dataTransfer);
    planFromEntries(dropped).then(
      (plan) => {
        if (plan.files.length > 0 || plan.dirs.length > 0) onDrop(plan);
      },
      () => notifications.show({ color: 'red', message: t('documents.dropFailed') }),
    );
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the Upload buttons do the same from the keyboard.
    <div
      className={classes.dropZone}
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={drop}
      data-testid="drop-zone"
    >
      {children}
      {over && (
        <div className={classes.dropOverlay} aria-hidden="true">
          <Icon name="cloudUpload" size={28} style={{ marginRight: 8 }} />
          {t('documents.dropHere', { folder: target })}
        </div>
      )}
    </div>
  );
}
