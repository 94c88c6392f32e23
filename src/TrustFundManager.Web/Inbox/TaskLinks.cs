using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Web.Committee;
using TrustFundManager.Web.ConceptNotes;
using TrustFundManager.Web.Programmes;

namespace TrustFundManager.Web.Inbox;

/// <summary>
/// Where the inbox sends the user to act on a task: the record's own page when it has one (a concept note, a joint
/// programme, a ballot), else the page of the workflow step it belongs to.
/// </summary>
public static class TaskLinks
{
    public static string PageFor(TaskResponse task) => task.Subject.Type switch
    {
        ConceptNoteStatus.WorkflowId => ConceptNotePages.For(task.Subject.Id),
        JointProgrammeStatus.WorkflowId => ProgrammePages.For(task.Subject.Id),
        BallotPages.WorkflowId => BallotPages.For(task.Subject.Id),
        _ => WorkflowItemPath(InstanceId(task)),
    };

    public static string WorkflowItemPath(Guid instanceId) => $"/workflow-items/{instanceId}";

    /// <summary>The task's workflow instance, the last segment of its API link (the read model carries no id field).</summary>
    public static Guid InstanceId(TaskResponse task) =>
        Guid.Parse(task.InstanceHref.AsSpan(task.InstanceHref.LastIndexOf('/') + 1));
}
