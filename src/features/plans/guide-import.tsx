import type { ParseKeys, TFunction } from 'i18next';
import { useEffect, useId, useRef, useState, type ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorNotice } from '@/ui/error-notice';
import type {
  GuideRefusal,
  GuideRefusalCode,
  GuideSource,
  GuideSummary,
} from '@/guide/import-guide';
import type { Plan } from '@/plan/schema';
import { addImportedPlan } from '@/store/plans-store';
import {
  GUIDE_FILE_ACCEPT,
  guideSourceFromFile,
  guideSourceFromPaste,
  loadGuideImporter,
} from './guide-files';
import { importGuidesOffThread } from './guide-off-thread';
import { GuidePreview } from './guide-preview';
import type { GuideRequest } from './guide-import-dialog';
import { Button } from '@/ui/button';
import './guide-import.css';
import { planPath } from '@/plan/paths';
import { usePreloadPage } from '@/ui/preload-page';

type Phase =
  | { name: 'choose'; refusals?: GuideRefusal[]; maxBytes?: number; failed?: boolean }
  | { name: 'reading' }
  | { name: 'preview'; plan: Plan; guides: GuideSummary[] };

/** The dialog's content: choose files or paste, then the preview; only "Create plan" saves. */
export function GuideImport({
  request,
  onCancel,
}: {
  request: GuideRequest;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fileId = useId();
  const textId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [phase, setPhase] = useState<Phase>(() =>
    request.files?.length ? { name: 'reading' } : { name: 'choose' },
  );
  const [pasted, setPasted] = useState({ html: '', plain: '' });
  const [text, setText] = useState('');

  /** Reads and imports; nothing changes until the importer has answered. */
  const importSources = async (
    read: (maxBytes: number) => Promise<GuideSource[]>,
  ): Promise<Phase> => {
    try {
      const importer = await loadGuideImporter();
      const sources = await read(importer.GUIDE_MAX_BYTES);
      // Away from the page where it can be: a hostile file can't freeze the tab.
      const result = await importGuidesOffThread(
        importer,
        sources,
        request.eventDate ? { eventDate: request.eventDate } : {},
      );
      return result.ok
        ? {
            name: 'preview',
            plan: result.plan,
            guides: result.guides,
          }
        : { name: 'choose', refusals: result.refusals, maxBytes: importer.GUIDE_MAX_BYTES };
    } catch (error) {
      // The importer's code could not be downloaded (offline before it was ever cached) or a
      // file could not be read: nothing was made, and the user can try again.
      console.warn('Guide import failed', error);
      return { name: 'choose', failed: true };
    }
  };

  const run = (read: (maxBytes: number) => Promise<GuideSource[]>) => {
    setPhase({ name: 'reading' });
    void importSources(read).then(setPhase);
  };
  const fromFiles = (files: File[]) => (max: number) =>
    Promise.all(files.map((file) => guideSourceFromFile(file, max)));

  useEffect(() => {
    // Dropped files are read once, when the dialog opens for them (it starts in 'reading').
    if (!request.files?.length) return;
    let live = true;
    void importSources(fromFiles(request.files)).then((next) => {
      if (live) setPhase(next);
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The heading names what the dialog shows now; focus starts there when it changes.
  useEffect(() => {
    if (phase.name !== 'reading') headingRef.current?.focus();
  }, [phase.name]);

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const html = event.clipboardData.getData('text/html');
    const plain = event.clipboardData.getData('text/plain');
    setPasted({ html, plain });
  };
  const pasteSource = () =>
    // The clipboard's HTML stands for the text only while the text is what was pasted.
    guideSourceFromPaste(
      t('guideImport.pastedName'),
      text === pasted.plain ? pasted : { html: '', plain: text },
    );

  // The new plan's page, fetched while the guide is read and previewed: "Create plan" opens it
  // at once.
  usePreloadPage(planPath('new'));

  const create = () => {
    if (phase.name !== 'preview') return;
    const added = addImportedPlan(phase.plan);
    onCancel();
    navigate(planPath(added.id), { state: { focusHeading: true } });
  };

  const title = phase.name === 'preview' ? t('guideImport.previewTitle') : t('guideImport.title');
  return (
    <div className="create-form guide-import">
      <h2 className="dialog__title" id="guide-import-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      {phase.name === 'reading' && (
        <p className="page-loading" role="status">
          {t('guideImport.reading')}
        </p>
      )}
      {phase.name === 'choose' && (
        <>
          <p className="muted">{t('guideImport.intro')}</p>
          {phase.failed && <ErrorNotice title={t('guideImport.failed')} />}
          {phase.refusals && (
            <ErrorNotice
              title={t('guideImport.refusedTitle', { count: phase.refusals.length })}
              details={phase.refusals.map((refusal) =>
                refusalText(t, refusal, phase.maxBytes ?? 0),
              )}
            />
          )}
          <div className="field">
            <label htmlFor={fileId}>{t('guideImport.files')}</label>
            <input
              id={fileId}
              type="file"
              multiple
              accept={GUIDE_FILE_ACCEPT}
              aria-describedby={`${fileId}-hint`}
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                if (files.length > 0) run(fromFiles(files));
              }}
            />
            <p className="field-hint" id={`${fileId}-hint`}>
              {t('guideImport.filesHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor={textId}>{t('guideImport.paste')}</label>
            <textarea
              id={textId}
              rows={5}
              value={text}
              dir="auto"
              onPaste={onPaste}
              onChange={(e) => setText(e.target.value)}
              spellCheck={false}
            />
          </div>
        </>
      )}
      {phase.name === 'preview' && <GuidePreview plan={phase.plan} guides={phase.guides} />}
      <div className="dialog__actions">
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
        {phase.name === 'choose' && (
          <Button
            variant="primary"
            disabled={!text.trim()}
            onClick={() => run(async () => [pasteSource()])}
          >
            {t('guideImport.pasteAction')}
          </Button>
        )}
        {phase.name === 'preview' && (
          <Button variant="primary" onClick={create}>
            {t('create.submit')}
          </Button>
        )}
      </div>
    </div>
  );
}

/** Why a file is no guide, by the importer's code (the compiler asks for a text for a new code). */
const REFUSAL_TEXTS: Readonly<Record<GuideRefusalCode, ParseKeys>> = {
  empty: 'guideImport.refusal.empty',
  binary: 'guideImport.refusal.binary',
  tooLarge: 'guideImport.refusal.tooLarge',
  encoding: 'guideImport.refusal.encoding',
  noSteps: 'guideImport.refusal.noSteps',
  planFile: 'guideImport.refusal.planFile',
  tooComplex: 'guideImport.refusal.tooComplex',
};

/** "events.md: no steps were found…", with a text for any code the importer may add later. */
function refusalText(t: TFunction, refusal: GuideRefusal, maxBytes: number): string {
  return t(REFUSAL_TEXTS[refusal.code] ?? 'guideImport.refusal.other', {
    file: refusal.file,
    mb: Math.round((maxBytes / 1_048_576) * 10) / 10,
  });
}
