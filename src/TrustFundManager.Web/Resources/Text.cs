namespace TrustFundManager.Web.Resources;

/// <summary>
/// The resource files of the pages. Each class names a set of <c>.resx</c> files beside it (English, then
/// <c>.fr</c> and <c>.es</c>); a component asks for one with <c>@inject IStringLocalizer&lt;SharedText&gt; T</c>.
/// A feature with many strings gets its own class and files here, so that features do not edit one file.
/// </summary>
public sealed class SharedText;

/// <summary>The strings of the sign-in pages.</summary>
public sealed class AccountText;

/// <summary>The strings of the inbox.</summary>
public sealed class InboxText;

/// <summary>The strings of the workflow step page.</summary>
public sealed class WorkflowText;

/// <summary>Workflow state, action and task titles, keyed by workflow id and name (see <c>Workflow/WorkflowTitles</c>).</summary>
public sealed class WorkflowTitleText;

/// <summary>The strings of the concept-note pages and the government's home section.</summary>
public sealed class ConceptNoteText;

/// <summary>The strings of the committee's pages and the members' home section.</summary>
public sealed class CommitteeText;

/// <summary>The strings of the FMU dashboard.</summary>
public sealed class FundingText;

/// <summary>The strings of the joint-programme pages and the organizations' home section.</summary>
public sealed class ProgrammeText;

/// <summary>The strings of the workflow pages: the list of workflows and each version's diagram and tables.</summary>
public sealed class WorkflowDiagramText;
