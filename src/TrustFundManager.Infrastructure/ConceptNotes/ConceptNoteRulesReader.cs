using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Infrastructure.ConceptNotes;

/// <summary>Reads what the concept-note rules depend on: the settings, the reference data and today's date.</summary>
public sealed class ConceptNoteRulesReader(TrustFundDbContext db, TimeProvider timeProvider)
{
    private ConceptNoteRules? _rules;

    /// <summary>Read once per request (the reader is scoped): a guard and its endpoint see the same rules.</summary>
    public async Task<ConceptNoteRules> ReadAsync(CancellationToken cancellationToken)
    {
        if (_rules is not null) return _rules;
        var settings = await db.FundSettings.AsNoTracking().SingleAsync(cancellationToken);
        var countries = await db.Countries.AsNoTracking().Select(c => new { c.Alpha3, c.Region })
            .ToDictionaryAsync(c => c.Alpha3, c => c.Region, cancellationToken);
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.IsActive).Select(o => o.Code)
            .ToHashSetAsync(cancellationToken);
        var areas = await db.ThematicAreas.AsNoTracking().Select(a => a.Number).ToHashSetAsync(cancellationToken);
        var objectives = await db.GcmObjectives.AsNoTracking().Select(o => o.Number).ToHashSetAsync(cancellationToken);
        var principles = await db.GuidingPrinciples.AsNoTracking().Select(p => p.Number).ToHashSetAsync(cancellationToken);
        return _rules = new ConceptNoteRules(settings.BudgetCeilingUsd, settings.MinDurationMonths,
            settings.MaxDurationMonths, countries, organizations, areas, objectives, principles,
            DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime));
    }
}

public static class ConceptNoteQueries
{
    /// <summary>Concept notes with their budget, partners and screening checks.</summary>
    public static IQueryable<ConceptNote> WithDetails(this IQueryable<ConceptNote> notes) =>
        notes.Include(n => n.Budget).Include(n => n.Partners).Include(n => n.ScreeningChecks).AsSplitQuery();
}
