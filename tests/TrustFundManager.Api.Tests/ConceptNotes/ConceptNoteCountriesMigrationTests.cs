using Microsoft.EntityFrameworkCore;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.ConceptNotes;

/// <summary>A database whose notes kept their countries in a JSON column, upgraded to the countries' own table.</summary>
public sealed class ConceptNoteCountriesMigrationTests
{
    private const string BeforeTheTable = "20261203133346_VoteSecrecyAndSeparationOfDuties";

    [Fact]
    public async Task Each_notes_JSON_countries_become_its_rows_in_the_same_order()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var old = await EarlierSqliteDatabase.AtAsync(BeforeTheTable, ct);
        await old.Db.Database.ExecuteSqlRawAsync("""
            INSERT INTO Countries (Alpha3, Alpha2, Name, Region) VALUES
                ('MEX', 'MX', 'Mexico', NULL), ('GTM', 'GT', 'Guatemala', NULL),
                ('HND', 'HN', 'Honduras', NULL);
            INSERT INTO ConceptNotes (Id, Title, Country, Countries, GcmObjectives, GuidingPrinciples, CreatedAt, CreatedBy,
                UpdatedAt, UpdatedBy, SubmissionCount, Version) VALUES
                ('00000000-0000-0000-0000-00000000000A', 'Regional', 'MEX', '["MEX","HND","GTM"]', '[]', '[]', 0, 'x', 0, 'x', 0, '00000000-0000-0000-0000-000000000001'),
                ('00000000-0000-0000-0000-00000000000B', 'Early draft', 'GTM', '[]', '[]', '[]', 0, 'x', 0, 'x', 0, '00000000-0000-0000-0000-000000000002');
            """, ct);

        await old.MigrateAsync("20261203161920_ConceptNoteCountries", ct);

        var rows = await old.Db.Database.SqlQueryRaw<string>(
                "SELECT ConceptNoteId || ':' || Position || ':' || Country AS Value FROM ConceptNoteCountries ORDER BY ConceptNoteId, Position")
            .ToListAsync(ct);
        Assert.Equal(
        [
            "00000000-0000-0000-0000-00000000000A:1:MEX", "00000000-0000-0000-0000-00000000000A:2:HND",
            "00000000-0000-0000-0000-00000000000A:3:GTM",
        ], rows);
    }
}
