using Microsoft.EntityFrameworkCore;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Infrastructure.ReferenceData;

namespace TrustFundManager.Infrastructure.Seeding;

/// <summary>
/// Adds whatever reference data the database lacks, in one transaction. Idempotent: a second run adds
/// nothing, and rows that exist (perhaps edited by fund staff) are never overwritten.
/// </summary>
public sealed class ReferenceDataSeeder(TrustFundDbContext db)
{
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var areas = await db.ThematicAreas.Select(a => a.Number).ToHashSetAsync(cancellationToken);
        db.ThematicAreas.AddRange(ReferenceDataCatalog.ThematicAreas().Where(a => !areas.Contains(a.Number)));

        var objectives = await db.GcmObjectives.Select(o => o.Number).ToHashSetAsync(cancellationToken);
        db.GcmObjectives.AddRange(ReferenceDataCatalog.GcmObjectives().Where(o => !objectives.Contains(o.Number)));

        var principles = await db.GuidingPrinciples.Select(p => p.Number).ToHashSetAsync(cancellationToken);
        db.GuidingPrinciples.AddRange(ReferenceDataCatalog.GuidingPrinciples().Where(p => !principles.Contains(p.Number)));

        var constituencies = await db.Constituencies.Select(c => c.Code).ToHashSetAsync(cancellationToken);
        db.Constituencies.AddRange(ReferenceDataCatalog.Constituencies().Where(c => !constituencies.Contains(c.Code)));

        var countries = await db.Countries.Select(c => c.Alpha3).ToHashSetAsync(cancellationToken);
        db.Countries.AddRange(ReferenceDataCatalog.Countries().Where(c => !countries.Contains(c.Alpha3)));

        var organizations = await db.Organizations.Select(o => o.Code).ToHashSetAsync(cancellationToken);
        db.Organizations.AddRange(ReferenceDataCatalog.Organizations().Where(o => !organizations.Contains(o.Code)));

        if (!await db.FundSettings.AnyAsync(cancellationToken))
            db.FundSettings.Add(new Domain.ReferenceData.FundSettings(ReferenceDataCatalog.DefaultSettings));

        var added = db.ChangeTracker.Entries().Count(e => e.State == EntityState.Added);
        if (added > 0) await db.SaveChangesAsync(cancellationToken);
        return added;
    }
}
