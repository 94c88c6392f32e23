namespace TrustFundManager.Workflows.Definitions;

/// <summary>The names a definition may use: roles, guards, effects and the fund settings that hold durations.</summary>
public sealed record WorkflowVocabulary(
    IReadOnlySet<string> Roles,
    IReadOnlySet<string> Guards,
    IReadOnlySet<string> Effects,
    IReadOnlySet<string> DurationSettings);
