using TrustFundManager.Application.Access;
using TrustFundManager.Infrastructure.Iati;
using TrustFundManager.Workflows;

namespace TrustFundManager.Application.Reports;

/// <summary>
/// The IATI activity file. IATI data is meant to be public, but this file holds the fund's whole books (every donor's
/// pledges, commitments and deposits, every allocation and transfer), so only those who read the fund's money get it:
/// the FMU publishes the file to the IATI Registry. See docs/iati.md.
/// </summary>
public sealed class IatiUseCases(IatiExport export)
{
    public async Task<FileDownload> ActivitiesAsync(WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadFunding);
        return new FileDownload(IatiActivitiesWriter.ToBytes(await export.BuildAsync(ct)), IatiActivitiesWriter.ContentType,
            FileName: null);
    }
}
