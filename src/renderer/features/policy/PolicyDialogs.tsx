// The policy editor's dialogs, mounted once at the app level: save, open saved, export recipe,
// and the column mapping.
import { ColumnMappingDialog } from './ColumnMappingDialog';
import { usePolicyDialog } from './dialog-store';
import { useMapping } from './mapping-store';
import { RecipeExportDialog } from './RecipeExportDialog';
import { SaveDialog } from './SaveDialog';
import { SavedPoliciesDialog } from './SavedPoliciesDialog';
import './policy-dialogs.css';

export function PolicyDialogs() {
  const dialog = usePolicyDialog((s) => s.dialog);
  const missing = useMapping((s) => s.missing);
  const close = () => usePolicyDialog.getState().show(null);
  return (
    <>
      {dialog === 'save' ? <SaveDialog onClose={close} /> : null}
      {dialog === 'saved' ? <SavedPoliciesDialog onClose={close} /> : null}
      {dialog === 'export' ? <RecipeExportDialog onClose={close} /> : null}
      {missing ? <ColumnMappingDialog missing={missing} /> : null}
    </>
  );
}
