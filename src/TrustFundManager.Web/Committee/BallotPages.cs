using TrustFundManager.Infrastructure.Committee;

namespace TrustFundManager.Web.Committee;

/// <summary>Where a ballot's own page is, and the workflow its tasks belong to.</summary>
public static class BallotPages
{
    public const string WorkflowId = BallotWorkflowSteps.WorkflowId;

    public const string List = "/ballots";

    public const string New = "/ballots/new";

    public static string For(Guid id) => $"/ballots/{id}";
}
