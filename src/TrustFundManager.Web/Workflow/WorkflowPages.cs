namespace TrustFundManager.Web.Workflow;

/// <summary>Where the workflow pages are: the list, a workflow's current version, one version (a state highlighted).</summary>
public static class WorkflowPages
{
    public const string List = "/workflows";

    public static string For(string workflow) => $"{List}/{Uri.EscapeDataString(workflow)}";

    public static string For(string workflow, int version, string? state = null) =>
        $"{For(workflow)}/versions/{version}" + (state is null ? "" : $"?state={Uri.EscapeDataString(state)}");
}
