import { Input, Text, ThemeIcon } from '@mantine/core';
import { useId, useState, type DragEvent } from 'react';
import { IconFile, IconUpload } from '../../../components/icons.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatFileSize } from '../utils/file-size.ts';
import classes from './file-drop.module.css';

interface FileDropProps {
  file: File | null;
  onChange: (file: File | null) => void;
  error?: string | null;
  disabled?: boolean;
}

/** A file input that also takes a file dropped on it (Mantine's Dropzone is not installed). */
export function FileDrop({ file, onChange, error, disabled }: FileDropProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setDragging(false);
    if (disabled) return;
    const dropped = event.dataTransfer.files[0];
    if (dropped) onChange(dropped);
  };

  return (
    <Input.Wrapper label={t.imports.file} required error={error} id={`${id}-wrapper`}>
      <label
        htmlFor={id}
        className={classes.zone}
        data-active={dragging || undefined}
        data-error={error ? true : undefined}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        style={{ marginTop: 4 }}
      >
        <input
          id={id}
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          className={classes.input}
          disabled={disabled}
          data-testid="import-file"
          onChange={(event) => {
            onChange(event.currentTarget.files?.[0] ?? null);
            // choosing the same (fixed) file again must fire a change too
            event.currentTarget.value = '';
          }}
        />
        <ThemeIcon size={44} radius="xl" variant="light" className={classes.focus}>
          {file ? <IconFile size={24} /> : <IconUpload size={24} />}
        </ThemeIcon>
        {file ? (
          <>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="import-file-name">
              {file.name}
            </Text>
            <Text size="xs" c="dimmed">
              <span data-testid="import-file-size">{formatFileSize(file.size, lang)}</span> · {t.imports.drop}
            </Text>
          </>
        ) : (
          <>
            <Text fw={600}>{t.imports.drop}</Text>
            <Text size="xs" c="dimmed">
              {t.imports.formats}
            </Text>
          </>
        )}
      </label>
    </Input.Wrapper>
  );
}
