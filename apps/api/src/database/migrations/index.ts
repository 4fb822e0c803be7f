import { Identity1795672820155 } from './1795672820155-Identity';
import { AlliancesAndCharter1795673936813 } from './1795673936813-AlliancesAndCharter';
import { Objectives1795674604220 } from './1795674604220-Objectives';
import { Evaluations1795675102866 } from './1795675102866-Evaluations';
import { Comments1795675623034 } from './1795675623034-Comments';
import { Funding1795677515844 } from './1795677515844-Funding';
import { AdminAndLibrary1795677874350 } from './1795677874350-AdminAndLibrary';
import { ObjectiveVersions1795689000000 } from './1795689000000-ObjectiveVersions';
import { RowLevelSecurity1795690000000 } from './1795690000000-RowLevelSecurity';
import { SearchIndexes1795691000000 } from './1795691000000-SearchIndexes';
import { PrivateCheckInNotes1795692000000 } from './1795692000000-PrivateCheckInNotes';
import { AccentFoldingSearch1795693000000 } from './1795693000000-AccentFoldingSearch';
import { DropDuplicateCommentSeqIndex1795694000000 } from './1795694000000-DropDuplicateCommentSeqIndex';
import { OrganisationProfiles1795695000000 } from './1795695000000-OrganisationProfiles';
import { Diagnostics1795696000000 } from './1795696000000-Diagnostics';
import { Proposals1795697000000 } from './1795697000000-Proposals';
import { DirectorySearchWalk1795698000000 } from './1795698000000-DirectorySearchWalk';
import { AccountSessions1795699000000 } from './1795699000000-AccountSessions';
import { TwoFactor1795700000000 } from './1795700000000-TwoFactor';
import { OidcSignIn1795701000000 } from './1795701000000-OidcSignIn';
import { AllianceLeavingAndClosing1795702000000 } from './1795702000000-AllianceLeavingAndClosing';
import { NotificationPreferences1795704000000 } from './1795704000000-NotificationPreferences';
import { Documents1795708000000 } from './1795708000000-Documents';

/** Migrations in the order they run. Generated, reviewed, and never edited once applied. */
export const migrations = [Identity1795672820155, AlliancesAndCharter1795673936813, Objectives1795674604220, Evaluations1795675102866, Comments1795675623034, Funding1795677515844, AdminAndLibrary1795677874350, ObjectiveVersions1795689000000, RowLevelSecurity1795690000000, SearchIndexes1795691000000, PrivateCheckInNotes1795692000000, AccentFoldingSearch1795693000000, DropDuplicateCommentSeqIndex1795694000000, OrganisationProfiles1795695000000, Diagnostics1795696000000, Proposals1795697000000, DirectorySearchWalk1795698000000, AccountSessions1795699000000, TwoFactor1795700000000, OidcSignIn1795701000000, AllianceLeavingAndClosing1795702000000, NotificationPreferences1795704000000, Documents1795708000000];
