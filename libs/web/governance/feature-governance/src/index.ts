export { governanceRoutes } from './lib/governance.routes';
export { ProposeDecisionDialog, type ProposeDecisionDialogData } from './lib/decisions/propose-decision-dialog';
export { ActionDialog, type ActionDialogData } from './lib/actions/action-dialog';
