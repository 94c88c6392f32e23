using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.Results;
using TrustFundManager.Infrastructure.Committee;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Benchmarks.Generation;

/// <summary>
/// What the generator checks before it calls a database done, so that a faster way of writing cannot silently give wrong
/// data: the notes end in the planned states, every funded note has its programme, every workflow instance its subject,
/// journal and audit rows, and the rows written directly are found by the application's own (parameterised) queries.
/// </summary>
public static class GenerationCheck
{
    /// <summary>The table of each workflow's subject.</summary>
    private static readonly Dictionary<string, string> SubjectTables = new(StringComparer.Ordinal)
    {
        [ConceptNoteStatus.WorkflowId] = "ConceptNotes",
        [BallotWorkflowSteps.WorkflowId] = "Ballots",
        [JointProgrammeStatus.WorkflowId] = "JointProgrammes",
        [ProgressReportStatus.WorkflowId] = "ProgressReports",
    };

    /// <returns>What is wrong; empty when nothing is.</returns>
    public static async Task<IReadOnlyList<string>> RunAsync(TrustFundDbContext db, int scale,
        IReadOnlyDictionary<string, int> plannedStates, CancellationToken ct)
    {
        var problems = new List<string>();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        async Task<long> Count(string sql) => await ScalarAsync(connection, sql, ct);
        void Expect(string what, long actual, long expected)
        {
            if (actual != expected) problems.Add($"{what}: {actual:N0}, expected {expected:N0}");
        }

        Expect("concept notes", await Count("SELECT COUNT(*) FROM ConceptNotes"), scale);
        Expect("contributions", await Count("SELECT COUNT(*) FROM Contributions"), scale);
        var states = await db.WorkflowInstances.AsNoTracking().Where(i => i.DefinitionId == ConceptNoteStatus.WorkflowId)
            .GroupBy(i => i.State).Select(g => new { State = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.State, g => g.Count, ct);
        foreach (var (state, planned) in plannedStates)
            Expect($"concept notes '{state}'", states.GetValueOrDefault(state), planned);
        Expect("concept notes in unplanned states", states.Where(s => !plannedStates.ContainsKey(s.Key)).Sum(s => s.Value), 0);

        Expect("funded notes without a programme", await Count(
            $"SELECT COUNT(*) FROM WorkflowInstances i WHERE i.DefinitionId = '{ConceptNoteStatus.WorkflowId}' AND i.State = 'funded' " +
            "AND NOT EXISTS (SELECT 1 FROM JointProgrammes p WHERE p.ConceptNoteId = i.SubjectId)"), 0);
        Expect("programmes", await Count("SELECT COUNT(*) FROM JointProgrammes"), states.GetValueOrDefault("funded"));
        Expect("workflow instances of an unknown workflow", await Count(
            $"SELECT COUNT(*) FROM WorkflowInstances WHERE DefinitionId NOT IN ({string.Join(", ", SubjectTables.Keys.Select(k => $"'{k}'"))})"), 0);
        foreach (var (workflow, table) in SubjectTables)
        {
            Expect($"{workflow} instances without their subject", await Count(
                $"SELECT COUNT(*) FROM WorkflowInstances i WHERE i.DefinitionId = '{workflow}' " +
                $"AND NOT EXISTS (SELECT 1 FROM \"{table}\" s WHERE s.Id = i.SubjectId)"), 0);
            Expect($"{table} without a {workflow} instance", await Count(
                $"SELECT COUNT(*) FROM \"{table}\" s WHERE NOT EXISTS " +
                $"(SELECT 1 FROM WorkflowInstances i WHERE i.DefinitionId = '{workflow}' AND i.SubjectId = s.Id)"), 0);
        }
        Expect("workflow instances without a journal", await Count(
            "SELECT COUNT(*) FROM WorkflowInstances i WHERE NOT EXISTS (SELECT 1 FROM WorkflowJournal j WHERE j.InstanceId = i.Id)"), 0);
        Expect("concept notes without their audit entry", await Count(
            "SELECT COUNT(*) FROM ConceptNotes n WHERE NOT EXISTS (SELECT 1 FROM AuditEntries a " +
            "WHERE a.EntityType = 'ConceptNote' AND a.EntityId = lower(n.Id) AND a.Action = 'Added')"), 0);

        // Keys and values bound as EF binds them: the application's queries find what the generator wrote.
        var sample = await db.ConceptNotes.AsNoTracking().OrderBy(n => n.Id).Select(n => n.Id).Take(20).ToListAsync(ct);
        foreach (var id in sample)
        {
            if (!await db.ConceptNotes.AnyAsync(n => n.Id == id, ct)
                || !await db.WorkflowInstances.AnyAsync(i => i.DefinitionId == ConceptNoteStatus.WorkflowId && i.SubjectId == id, ct))
                problems.Add($"concept note {id} is not found by the application's queries");
        }
        return problems;
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
