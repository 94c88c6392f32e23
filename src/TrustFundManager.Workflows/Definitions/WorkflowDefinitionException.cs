namespace TrustFundManager.Workflows.Definitions;

/// <summary>One thing wrong with one definition file.</summary>
public sealed record WorkflowProblem(string File, string Message)
{
    public override string ToString() => $"{File}: {Message}";
}

/// <summary>The workflow definitions cannot be used; start-up stops with every problem found.</summary>
public sealed class WorkflowDefinitionException(IReadOnlyList<WorkflowProblem> problems)
    : Exception("The workflow definitions are not valid:" + string.Concat(problems.Select(p => $"{Environment.NewLine}  - {p}")))
{
    public IReadOnlyList<WorkflowProblem> Problems { get; } = problems;
}
