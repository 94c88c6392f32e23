using TrustFundManager.Application.Workflows;

namespace TrustFundManager.Web.Inbox;

/// <summary>Where the inbox sends the user to act on a task: the page of the workflow step it belongs to.</summary>
public static class TaskLinks
{
    public static string PageFor(TaskResponse task) => WorkflowItemPath(InstanceId(task));

    public static string WorkflowItemPath(Guid instanceId) => $"/workflow-items/{instanceId}";

    /// <summary>The task's workflow instance, the last segment of its API link (the read model carries no id field).</summary>
    public static Guid InstanceId(TaskResponse task) =>
        Guid.Parse(task.InstanceHref.AsSpan(task.InstanceHref.LastIndexOf('/') + 1));
}
