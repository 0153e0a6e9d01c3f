using System.Reflection;

namespace Trellis.Core.Common;

/// <summary>
/// Every <see cref="Error.Code"/> Trellis produces, defined once, each with its <see cref="ErrorCategory"/>. The values
/// are a public contract (API clients read <c>code</c>; tests pin them): never change one; add a constant for a new
/// failure instead of writing a code in place. <c>unknown-*</c> codes are not-found and <c>duplicate-*</c> codes are
/// conflicts, file-format ones included.
/// </summary>
public static class ErrorCodes
{
    private static readonly Dictionary<string, ErrorCategory> Categories = typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.GetCustomAttribute<ErrorCategoryAttribute>()!.Category, StringComparer.Ordinal);

    /// <summary>Every code and its category.</summary>
    public static IReadOnlyDictionary<string, ErrorCategory> All => Categories;

    /// <summary>The category of a code; <see cref="ErrorCategory.Invalid"/> for a code not defined here (a bug the tests catch).</summary>
    public static ErrorCategory CategoryOf(string code) => Categories.GetValueOrDefault(code, ErrorCategory.Invalid);

    // Lookups: the thing named does not exist (every unknown-* code)
    /// <summary>A framework ID names no framework of the catalog (shipped or imported), or one outside the caller's scope.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownFramework = "unknown-framework";
    /// <summary>A requirement ID names no requirement of its framework.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownRequirement = "unknown-requirement";
    /// <summary>A control ID names no control of the program.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownControl = "unknown-control";
    /// <summary>An evidence ID (or evidence version) names none of the program.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownEvidence = "unknown-evidence";
    /// <summary>A risk ID names no risk of the register.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownRisk = "unknown-risk";
    /// <summary>No SoA decision is recorded for the Annex A control.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownSoaDecision = "unknown-soa-decision";
    /// <summary>No judgement is recorded for the requirement or point of focus (docs/crosswalk-rules.md, rule 8).</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownJudgement = "unknown-judgement";
    /// <summary>No stored file contents have the SHA-256.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownBlob = "unknown-blob";
    /// <summary>An engagement ID names no engagement (or one the caller may not see).</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownEngagement = "unknown-engagement";
    /// <summary>A finding ID names no finding.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownFinding = "unknown-finding";
    /// <summary>A corrective action ID names no action of the finding.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownAction = "unknown-action";
    /// <summary>A task ID names no recurring task of the program (no such control, or no period of its cadence starts that day).</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownTask = "unknown-task";
    /// <summary>A policy ID (or a version number of it) names no policy of the program.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownPolicy = "unknown-policy";
    /// <summary>A name names no starter policy template.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownPolicyTemplate = "unknown-policy-template";
    /// <summary>An e-mail names no person of the staff register.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownPerson = "unknown-person";
    /// <summary>A vendor ID names no vendor of the register.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownVendor = "unknown-vendor";
    /// <summary>An e-mail names no account.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownAccount = "unknown-account";
    /// <summary>A name or ID names no API token of the account.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownToken = "unknown-token";
    /// <summary>A Trust Services category name is not one of the five (roadmap --categories).</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownCategory = "unknown-category";
    /// <summary>An existing report or certificate given to the advisor is not one it knows.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownReport = "unknown-report";
    /// <summary>A report kind is not one Trellis produces.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownReportKind = "unknown-report-kind";
    /// <summary>An OSCAL export kind is not one Trellis produces.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownOscalExport = "unknown-oscal-export";

    // Files that name something unknown (content, mapping and program files, workbooks); not-found like every unknown-* code
    /// <summary>A file's 'format' field is not the format the reader expects.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownFormat = "unknown-format";
    /// <summary>A YAML mapping has a field the reader does not know.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownField = "unknown-field";
    /// <summary>A field or cell holds a value outside its list of wire names.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownValue = "unknown-value";
    /// <summary>A framework file gives a requirement a kind that is not a requirement kind.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownKind = "unknown-kind";
    /// <summary>A framework file's requirement names a group that is not declared.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownGroup = "unknown-group";
    /// <summary>A framework file's requirement names a parent that does not exist.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownParent = "unknown-parent";
    /// <summary>A mapping file's link has a relationship that is not a relationship wire name.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownRelationship = "unknown-relationship";
    /// <summary>A mapping file's link has a rationale that is not a rationale wire name.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownRationale = "unknown-rationale";
    /// <summary>A mapping file's link cites a source that is not declared.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownSource = "unknown-source";
    /// <summary>A program lists a TSC category that is not one of the five.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownTscCategory = "unknown-tsc-category";
    /// <summary>A controls workbook has a header column Trellis does not read.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownColumn = "unknown-column";

    // Versions and duplicates
    /// <summary>The thing changed since the caller read it (a stale version or ETag).</summary>
    [ErrorCategory(ErrorCategory.PreconditionFailed)] public const string ConcurrencyConflict = "concurrency-conflict";
    /// <summary>The thing exists, so changing it needs the version the caller read (If-Match).</summary>
    [ErrorCategory(ErrorCategory.PreconditionRequired)] public const string PreconditionRequired = "precondition-required";
    /// <summary>An ID is used twice (in a file, a workbook, or against a shipped framework).</summary>
    [ErrorCategory(ErrorCategory.Conflict)] public const string DuplicateId = "duplicate-id";
    /// <summary>An account with the e-mail exists.</summary>
    [ErrorCategory(ErrorCategory.Conflict)] public const string DuplicateAccount = "duplicate-account";
    /// <summary>A request ID names no request the caller sees (stored requests of engagements, issue 16).</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownRequest = "unknown-request";
    /// <summary>A sample ID names no sample the caller sees.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownSample = "unknown-sample";
    /// <summary>An engagement has no frozen package yet.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownPackage = "unknown-package";
    /// <summary>A finding with the ID exists.</summary>
    [ErrorCategory(ErrorCategory.Conflict)] public const string DuplicateFinding = "duplicate-finding";
    /// <summary>A control cannot be deleted while evidence, risks or judgements still reference it.</summary>
    [ErrorCategory(ErrorCategory.Conflict)] public const string ControlInUse = "control-in-use";
    /// <summary>A control maps to the same requirement twice.</summary>
    [ErrorCategory(ErrorCategory.Conflict)] public const string DuplicateMapping = "duplicate-mapping";
    /// <summary>A mapping links the same two requirements twice, or contradicts itself.</summary>
    [ErrorCategory(ErrorCategory.Conflict)] public const string DuplicateLink = "duplicate-link";
    /// <summary>A controls workbook names the same column twice.</summary>
    [ErrorCategory(ErrorCategory.Conflict)] public const string DuplicateColumn = "duplicate-column";
    /// <summary>A program lists a TSC category twice.</summary>
    [ErrorCategory(ErrorCategory.Conflict)] public const string DuplicateTscCategory = "duplicate-tsc-category";

    // Judgements (docs/crosswalk-rules.md, rule 8)
    /// <summary>A judgement cannot be recorded as asked: no rationale, no controls for sufficiency, not relevant on a criterion.</summary>
    [ErrorCategory(ErrorCategory.Unprocessable)] public const string InvalidJudgement = "invalid-judgement";

    // Accounts and rights
    /// <summary>The caller's role or scope does not allow the operation.</summary>
    [ErrorCategory(ErrorCategory.Forbidden)] public const string Forbidden = "forbidden";
    /// <summary>The account that gave a request's answer tried to accept it: acceptance is the other side's decision.</summary>
    [ErrorCategory(ErrorCategory.Forbidden)] public const string OwnAnswer = "own-answer";
    /// <summary>The e-mail or password is wrong.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidCredentials = "invalid-credentials";
    /// <summary>
    /// Too many failed sign-ins. No longer produced: a throttled sign-in answers <see cref="InvalidCredentials"/>, so the
    /// answer tells nothing about whether the account exists (docs/security.md); kept because codes are a contract.
    /// </summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string AccountLocked = "account-locked";
    /// <summary>The account may not act now: expired, revoked, disabled by an admin, or an auditor without expiry (AccountGate).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string AccountRefused = "account-refused";
    /// <summary>An account cannot be created as asked (Identity's rules, an auditor without expiry or scope).</summary>
    [ErrorCategory(ErrorCategory.Unprocessable)] public const string InvalidAccount = "invalid-account";
    /// <summary>A role name is not one of the roles.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidRole = "invalid-role";
    /// <summary>An invitation link cannot be used: not a link Trellis made, used already, replaced by a newer one, expired, or its account disabled.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidInvitation = "invalid-invitation";
    /// <summary>An account or API token field is longer than its limit (AccountLimits); the location names the field.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string FieldTooLong = "field-too-long";
    /// <summary>The change would leave no enabled admin account (a role change or disable of the last one).</summary>
    [ErrorCategory(ErrorCategory.Conflict)] public const string LastAdmin = "last-admin";

    // Request parameters and fields (API, web forms, CLI options)
    /// <summary>The If-Match header is not one ETag the API returned.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidIfMatch = "invalid-if-match";
    /// <summary>page or pageSize is out of range.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidPaging = "invalid-paging";
    /// <summary>A report format is not one Trellis renders.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidFormat = "invalid-format";
    /// <summary>A requirement kind filter is not a requirement kind.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidKind = "invalid-kind";
    /// <summary>A coverage <c>implemented</c> spec is not <c>fw</c> or <c>fw:id,id</c>.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidImplemented = "invalid-implemented";
    /// <summary>A crosswalk origin filter is not a link origin.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidOrigin = "invalid-origin";
    /// <summary>A relationship is not a relationship wire name, or no-relationship where a mapping needs one.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidRelationship = "invalid-relationship";
    /// <summary>A control's cadence is not a cadence wire name.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidCadence = "invalid-cadence";
    /// <summary>An implementation status is not a status wire name.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidStatus = "invalid-status";
    /// <summary>An SoA inclusion reason is not a reason wire name.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidReason = "invalid-reason";
    /// <summary>A risk treatment is not a treatment wire name.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidTreatment = "invalid-treatment";
    /// <summary>A control to save lacks its ID or title, or has a malformed mapping.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidControl = "invalid-control";
    /// <summary>A risk to save lacks its ID, title or an action's description.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidRisk = "invalid-risk";
    /// <summary>Evidence cannot be kept as given (no control, empty file, bad versions or file contents).</summary>
    [ErrorCategory(ErrorCategory.Unprocessable)] public const string InvalidEvidence = "invalid-evidence";
    /// <summary>An engagement to save is malformed (kind, framework, dates) or has no period to export.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidEngagement = "invalid-engagement";
    /// <summary>A finding to save is malformed (ID, title, kind, engagement, controls or requirements).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidFinding = "invalid-finding";
    /// <summary>A task ID or a task change is malformed (ID form, missing reason, snooze date not after today).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidTask = "invalid-task";
    /// <summary>A policy or policy version is malformed (ID, title, owner, approvers, body, mapping).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidPolicy = "invalid-policy";
    /// <summary>The policy version is not in the state the step needs (edit a draft, approve one in review, publish an approved one).</summary>
    [ErrorCategory(ErrorCategory.Conflict)] public const string PolicyState = "policy-state";
    /// <summary>A person to save, or a row of a staff CSV, is malformed (e-mail, dates, manager, checklist item).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidPerson = "invalid-person";
    /// <summary>A vendor to save is malformed (ID, name, cadence, assurance dates, subservice controls).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidVendor = "invalid-vendor";
    /// <summary>A request to raise is malformed (due date, what it is tied to).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidRequest = "invalid-request";
    /// <summary>A sample cannot be drawn as asked (size, seed, empty population) or a population list is malformed.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidSample = "invalid-sample";
    /// <summary>A frozen package does not verify: a file's bytes no longer hash to the manifest, or the manifest is missing.</summary>
    [ErrorCategory(ErrorCategory.Unprocessable)] public const string PackageAltered = "package-altered";
    /// <summary>A finding step is not one of the lifecycle's steps.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidStep = "invalid-step";
    /// <summary>A command-line option does not apply to what was asked.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidOption = "invalid-option";
    /// <summary>What was asked needs an option or query parameter that is missing.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string MissingOption = "missing-option";
    /// <summary>An argument is out of range, or two that must differ are the same (OSCAL mapping export and import).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidArgument = "invalid-argument";
    /// <summary>A date is not a real date as YYYY-MM-DD.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidDate = "invalid-date";
    /// <summary>A planning date lies outside the years the planner works in (2000 to 2100).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string DateOutOfRange = "date-out-of-range";
    /// <summary>A date range is malformed or ends before it starts.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidRange = "invalid-range";
    /// <summary>A period (evidence, acceptance, effective dates) ends before it starts.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidPeriod = "invalid-period";
    /// <summary>An observation window is missing a date, ends before it starts, or has an unplannable length.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidWindow = "invalid-window";
    /// <summary>A plan covers a number of years outside 1 to 10.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidYears = "invalid-years";
    /// <summary>A plan's minimum fieldwork spacing is outside 0 to 365 days.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidSpacing = "invalid-spacing";
    /// <summary>A plan's fieldwork lengths, offsets or lags are out of range or out of order.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidDuration = "invalid-duration";
    /// <summary>A plan has neither a certification decision date nor a SOC 2 start date.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string NothingToPlan = "nothing-to-plan";
    /// <summary>A plan's anchors contradict each other or today (a held certificate issued in the future or expired, a held report period not yet ended).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidAnchor = "invalid-anchor";
    /// <summary>A bridge letter's end date is not after the end of the report period it bridges.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string BridgeBeforePeriodEnd = "bridge-before-period-end";
    /// <summary>The advisor's deadline is before today.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string DeadlinePassed = "deadline-passed";
    /// <summary>A backup file exists already, is damaged, or belongs to another engine; or a backup could not be written.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidBackup = "invalid-backup";
    /// <summary>A replace of a program that holds data was asked for without <c>--replace</c> (or a yes on the terminal).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string ReplaceNotConfirmed = "replace-not-confirmed";

    // Rules of the domain
    /// <summary>An SoA row is excluded without a justification (ISO/IEC 27001 6.1.3 d).</summary>
    [ErrorCategory(ErrorCategory.Unprocessable)] public const string JustificationRequired = "justification-required";
    /// <summary>A judgement does not say why (docs/crosswalk-rules.md, rule 8: it records who, when and why).</summary>
    [ErrorCategory(ErrorCategory.Unprocessable)] public const string RationaleRequired = "rationale-required";
    /// <summary>A retained risk lacks an acceptance with approver and expiry (ISO/IEC 27001 6.1.3 f).</summary>
    [ErrorCategory(ErrorCategory.Unprocessable)] public const string AcceptanceRequired = "acceptance-required";
    /// <summary>A risk is retained at or above the matrix's acceptance threshold.</summary>
    [ErrorCategory(ErrorCategory.Unprocessable)] public const string AboveAcceptanceThreshold = "above-acceptance-threshold";
    /// <summary>A risk's likelihood or impact lies outside the risk matrix.</summary>
    [ErrorCategory(ErrorCategory.Unprocessable)] public const string OffMatrix = "off-matrix";
    /// <summary>A risk matrix has no levels, or levels that do not rise from score 1.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidMatrix = "invalid-matrix";
    /// <summary>An SoA row names something that is not an Annex A control.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string NotAnnexA = "not-annex-a";
    /// <summary>A finding's actions are planned before its root cause (ISO/IEC 27001 10.2 b).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string MissingRootCause = "missing-root-cause";
    /// <summary>A finding's plan has no corrective action (ISO/IEC 27001 10.2 c).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string MissingCorrectiveAction = "missing-corrective-action";
    /// <summary>A corrective action lacks its ID, description or owner, or is due before it is planned.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidAction = "invalid-action";
    /// <summary>A finding is resolved while corrective actions are still open.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string ActionsOpen = "actions-open";
    /// <summary>A finding cannot take that step from its current status.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidTransition = "invalid-transition";
    /// <summary>A finding step is dated before the finding's last step.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string DateBeforeHistory = "date-before-history";
    /// <summary>An engagement has no observation window to build a ledger or evidence index over.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string NoWindow = "no-window";
    /// <summary>A certification cycle has no recertification decision yet.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string NoRecertificationDecision = "no-recertification-decision";
    /// <summary>A report needs a program and none is loaded.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string ProgramRequired = "program-required";
    /// <summary>A report does not apply to the framework asked (the SoA is ISO/IEC 27001:2022 only).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string UnsupportedFramework = "unsupported-framework";
    /// <summary>An export would be empty (no mapped requirement, no link, nothing in the engagement's scope).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string NothingToExport = "nothing-to-export";

    // Evidence files, stored contents and output files
    /// <summary>An uploaded evidence file exceeds the configured size limit.</summary>
    [ErrorCategory(ErrorCategory.TooLarge)] public const string PayloadTooLarge = "payload-too-large";
    /// <summary>A request body arrived more slowly than the server's minimum data rate, and was cut off.</summary>
    [ErrorCategory(ErrorCategory.Timeout)] public const string RequestTimeout = "request-timeout";
    /// <summary>The request could not be read: its framing or headers are malformed (the server's own check).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string BadRequest = "bad-request";
    /// <summary>As many uploads as the server takes at once are already arriving; try again after Retry-After seconds.</summary>
    [ErrorCategory(ErrorCategory.Unavailable)] public const string UploadsBusy = "uploads-busy";
    /// <summary>A file read from disk (program.yaml, an evidence file, a workbook) exceeds its limit.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string TooLarge = "too-large";
    /// <summary>A file named (program.yaml, a workbook, an evidence file, an OSCAL document) does not exist.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string MissingFile = "missing-file";
    /// <summary>An evidence file is empty.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string EmptyFile = "empty-file";
    /// <summary>An evidence file path leaves the program folder.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string UnsafePath = "unsafe-path";
    /// <summary>An evidence file's contents do not match the SHA-256 (and size) recorded for it.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string ChecksumMismatch = "checksum-mismatch";
    /// <summary>An evidence file's size differs from the size program.yaml states.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string SizeMismatch = "size-mismatch";
    /// <summary>An evidence version names file contents that were neither supplied nor stored.</summary>
    [ErrorCategory(ErrorCategory.Unprocessable)] public const string MissingBlob = "missing-blob";
    /// <summary>Supplied file contents do not hash to the SHA-256 they were given under.</summary>
    [ErrorCategory(ErrorCategory.Unprocessable)] public const string BlobHashMismatch = "blob-hash-mismatch";
    /// <summary>Stored file contents no longer hash to their SHA-256 (restore from a backup).</summary>
    [ErrorCategory(ErrorCategory.Internal)] public const string BlobCorrupt = "blob-corrupt";
    /// <summary>A file exists but cannot be read (I/O error, permission).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string FileUnreadable = "file-unreadable";
    /// <summary>An output file or folder cannot be written.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string CannotWrite = "cannot-write";
    /// <summary>An output folder does not exist.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string MissingFolder = "missing-folder";
    /// <summary>The database argument is neither a file path nor a connection string.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidDatabase = "invalid-database";
    /// <summary>Engagements are asked for where this build has none.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string EngagementsUnavailable = "engagements-unavailable";

    // Program consistency (ProgramValidator) and program.yaml
    /// <summary>A control, evidence item or risk has no ID.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string MissingId = "missing-id";
    /// <summary>An evidence item has no version.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string MissingVersions = "missing-versions";
    /// <summary>An evidence version has neither a file nor a URL.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string MissingContent = "missing-content";
    /// <summary>An evidence version has both a file and a URL.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string AmbiguousContent = "ambiguous-content";
    /// <summary>Evidence version numbers do not rise from 1.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidVersionNumber = "invalid-version-number";
    /// <summary>A SHA-256 is not 64 lowercase hex digits.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidSha256 = "invalid-sha256";
    /// <summary>A URL is not absolute.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidUrl = "invalid-url";
    /// <summary>A link version states a size.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidSize = "invalid-size";
    /// <summary>A link version states a file name.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidFileName = "invalid-file-name";
    /// <summary>A file version has no file name.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string MissingFileName = "missing-file-name";
    /// <summary>The TSC categories omit security.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string MissingTscCategory = "missing-tsc-category";
    /// <summary>A requirement reference is not written framework:id.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidRequirement = "invalid-requirement";
    /// <summary>program.yaml is not valid UTF-8.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidUtf8 = "invalid-utf8";

    // YAML (SafeYaml, YamlFields) and the content files
    /// <summary>A YAML document is empty.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string YamlEmpty = "yaml-empty";
    /// <summary>A YAML file holds more than one document.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string YamlMultipleDocuments = "yaml-multiple-documents";
    /// <summary>A YAML document is malformed.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string YamlSyntax = "yaml-syntax";
    /// <summary>YAML nesting exceeds the depth limit.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string YamlTooDeep = "yaml-too-deep";
    /// <summary>A YAML document exceeds the node count or value length limit.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string YamlTooLarge = "yaml-too-large";
    /// <summary>A YAML document uses an alias (refused).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string YamlAlias = "yaml-alias";
    /// <summary>A YAML document uses an anchor (refused).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string YamlAnchor = "yaml-anchor";
    /// <summary>A YAML mapping key is not a plain value.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string YamlComplexKey = "yaml-complex-key";
    /// <summary>A YAML mapping has a key twice.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string YamlDuplicateKey = "yaml-duplicate-key";
    /// <summary>A YAML value is not the shape expected (mapping, list, scalar).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidType = "invalid-type";
    /// <summary>A required YAML field or list is missing.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string MissingField = "missing-field";
    /// <summary>A field is present where it does not apply.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidField = "invalid-field";
    /// <summary>A number is not a whole number in range.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidNumber = "invalid-number";
    /// <summary>A value is not true or false.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidBoolean = "invalid-boolean";
    /// <summary>An instant is not YYYY-MM-DDThh:mm:ssZ (or with an offset).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidInstant = "invalid-instant";
    /// <summary>A mapping file's link names a target it must not, or lacks one it needs.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidLink = "invalid-link";
    /// <summary>A framework file's requirement is its own ancestor.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string ParentCycle = "parent-cycle";

    // JSON (SafeJson)
    /// <summary>A JSON document is empty.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string JsonEmpty = "json-empty";
    /// <summary>A JSON document exceeds the size limit.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string JsonTooLarge = "json-too-large";
    /// <summary>JSON nesting exceeds the depth limit.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string JsonTooDeep = "json-too-deep";
    /// <summary>A JSON document is malformed.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string JsonSyntax = "json-syntax";
    /// <summary>A JSON object has a property twice.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string JsonDuplicateKey = "json-duplicate-key";
    /// <summary>JSON text is not valid UTF-8 (or has a lone surrogate).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string JsonInvalidUtf8 = "json-invalid-utf8";

    // OSCAL
    /// <summary>A JSON document is not one OSCAL model at its root.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string OscalNotADocument = "oscal-not-a-document";
    /// <summary>An OSCAL document is another model than the one expected.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string OscalUnexpectedModel = "oscal-unexpected-model";
    /// <summary>An OSCAL document has no metadata.oscal-version.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string OscalVersionMissing = "oscal-version-missing";
    /// <summary>An OSCAL document's version is one Trellis does not read.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string OscalVersionUnsupported = "oscal-version-unsupported";
    /// <summary>An OSCAL document does not match the OSCAL schema.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string OscalSchema = "oscal-schema";
    /// <summary>An OSCAL catalog uses a requirement ID twice.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string OscalDuplicateId = "oscal-duplicate-id";
    /// <summary>A profile import href names no back-matter resource.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string OscalImportUnresolved = "oscal-import-unresolved";
    /// <summary>A profile's imported document cannot be found.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string OscalImportNotFound = "oscal-import-not-found";
    /// <summary>A profile imports itself.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string OscalCircularImport = "oscal-circular-import";
    /// <summary>Profiles import profiles beyond the depth limit.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string OscalImportTooDeep = "oscal-import-too-deep";
    /// <summary>A profile uses a feature Trellis does not support (merge.custom).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string OscalUnsupported = "oscal-unsupported";
    /// <summary>A resolved profile is not a valid OSCAL catalog.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string OscalResolutionInvalid = "oscal-resolution-invalid";
    /// <summary>An ID (of a framework, control, evidence item, risk, finding or engagement) has characters or a length Trellis does not accept (<see cref="Ids"/>).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidId = "invalid-id";
    /// <summary>An OSCAL mapping collection cannot be imported as one pair of frameworks.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidMapping = "invalid-mapping";
    /// <summary>A mapping's source or target cannot be told apart from the known frameworks.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string UnresolvedFramework = "unresolved-framework";

    // Controls workbooks (XLSX)
    /// <summary>The file is not an Excel workbook (.xlsx).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string NotXlsx = "not-xlsx";
    /// <summary>The workbook is password-protected or a legacy .xls.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string EncryptedOrLegacyWorkbook = "encrypted-or-legacy-workbook";
    /// <summary>A part of the workbook is encrypted.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string EncryptedEntry = "encrypted-entry";
    /// <summary>The workbook contains macros.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string MacroEnabled = "macro-enabled";
    /// <summary>The workbook has more parts than the limit.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string TooManyEntries = "too-many-entries";
    /// <summary>The workbook expands beyond the size limit.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string TooLargeUncompressed = "too-large-uncompressed";
    /// <summary>A part of the workbook expands more than the ratio limit (a zip bomb).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string CompressionRatio = "compression-ratio";
    /// <summary>A part's size differs from the size the zip directory declares.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InconsistentSize = "inconsistent-size";
    /// <summary>A part of the workbook has a document type declaration.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string XmlDtd = "xml-dtd";
    /// <summary>The workbook cannot be read.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string UnreadableWorkbook = "unreadable-workbook";
    /// <summary>The workbook has no Controls sheet.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string MissingSheet = "missing-sheet";
    /// <summary>The header row lacks a required column.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string MissingColumn = "missing-column";
    /// <summary>The sheet has more rows than the limit.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string TooManyRows = "too-many-rows";
    /// <summary>The sheet has no controls below the header row.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string NoControls = "no-controls";
    /// <summary>A required cell is empty.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string MissingValue = "missing-value";
    /// <summary>A cell's value exceeds its length limit.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string TooLong = "too-long";
    /// <summary>A cell holds a formula (never calculated).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string Formula = "formula";
    /// <summary>A cell's text starts like a formula.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string FormulaText = "formula-text";
    /// <summary>A cell holds a date, time or boolean where text is expected.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string NotText = "not-text";
    /// <summary>A workbook has more problems than are reported; reading stopped.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string TooManyErrors = "too-many-errors";
    // Collectors (issue 19: evidence that collects itself)
    /// <summary>A name names no collector.</summary>
    [ErrorCategory(ErrorCategory.NotFound)] public const string UnknownCollector = "unknown-collector";
    /// <summary>A collector's configuration is not usable (name, kind, URL, schedule, controls, folder).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidCollector = "invalid-collector";
    /// <summary>A collector check is not 'JSON-POINTER OP VALUE' with a known operator.</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string InvalidCheck = "invalid-check";
    /// <summary>A collector kind that is accepted by the parser but not built yet (github, identity).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string CollectorNotAvailable = "collector-not-available";
    /// <summary>A stored collector secret cannot be read with this key ring (another key ring, or the key was lost).</summary>
    [ErrorCategory(ErrorCategory.Invalid)] public const string CollectorSecretUnreadable = "collector-secret-unreadable";
}
