namespace TrustFundManager.Workflows.Definitions;

/// <summary>
/// The states and actions of workflow <see cref="WorkflowId"/> that the code relies on by name (a decision fires
/// <c>approve</c>, the pipeline lists notes in <c>approvedInPipeline</c>). Every version of that workflow must have
/// them: a version that renames or drops one is refused at start-up, naming the file and the name, instead of
/// starting cleanly and failing at run time. Registered with <c>AddWorkflowContract</c>.
/// </summary>
public sealed record WorkflowContract(string WorkflowId, IReadOnlyList<string> States, IReadOnlyList<string> Actions)
{
    /// <summary>Where the code names them, said in the problem so the reader knows what to change with the file.</summary>
    public string ReliedOnBy { get; init; } = "the application";
}
