using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.Results;
using TrustFundManager.Infrastructure.Committee;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Definitions;

namespace TrustFundManager.Infrastructure.Workflows;

/// <summary>
/// The states and actions of each workflow that the code names: a new version of a definition file that lacks one
/// stops start-up with the file and the name, instead of failing when a decision, an allocation or a report needs it.
/// </summary>
public static class WorkflowContracts
{
    public static readonly WorkflowContract ConceptNote = new(ConceptNoteStatus.WorkflowId,
        [
            ConceptNoteStatus.Draft, ConceptNoteStatus.Submitted, ConceptNoteStatus.Screening,
            ConceptNoteStatus.ReturnedForRevision, ConceptNoteStatus.UnderCommitteeReview, ConceptNoteStatus.Deferred,
            ConceptNoteStatus.ApprovedInPipeline, ConceptNoteStatus.Funded,
        ],
        [
            ConceptNoteActions.Approve, ConceptNoteActions.Reject, ConceptNoteActions.Defer,
            ConceptNoteActions.PutToCommitteeAgain, ConceptNoteActions.Fund,
        ])
    {
        ReliedOnBy = "the code (ConceptNoteStatus, ConceptNoteActions: editing, screening, ballots, decisions, the pipeline, allocations)",
    };

    public static readonly WorkflowContract Ballot = new(BallotWorkflowSteps.WorkflowId, [],
        [BallotWorkflowSteps.CloseAtDeadline])
    {
        ReliedOnBy = "the code (BallotWorkflowSteps: the deadline's closing)",
    };

    public static readonly WorkflowContract JointProgramme = new(JointProgrammeStatus.WorkflowId,
        [
            JointProgrammeStatus.Allocated, JointProgrammeStatus.Active, JointProgrammeStatus.Suspended,
            JointProgrammeStatus.OperationallyClosed, JointProgrammeStatus.FinanciallyClosed, JointProgrammeStatus.Cancelled,
        ], [])
    {
        ReliedOnBy = "the code (JointProgrammeStatus: transfers, expenditure, results and reports by programme state)",
    };

    public static readonly WorkflowContract ProgressReport = new(ProgressReportStatus.WorkflowId,
        [ProgressReportStatus.Draft, ProgressReportStatus.Submitted, ProgressReportStatus.Returned, ProgressReportStatus.Approved],
        [])
    {
        ReliedOnBy = "the code (ProgressReportStatus: editing and locking reported values)",
    };

    public static readonly IReadOnlyList<WorkflowContract> All = [ConceptNote, Ballot, JointProgramme, ProgressReport];

    public static IServiceCollection AddTrustFundWorkflowContracts(this IServiceCollection services)
    {
        foreach (var contract in All) services.AddWorkflowContract(contract);
        return services;
    }
}
