using System.Text.Json.Nodes;
using TrustFundManager.Testing;
using TrustFundManager.Workflows.Definitions;

namespace TrustFundManager.Api.Tests.Workflows;

/// <summary>Start-up refuses broken or changed definitions; a new version serves new instances only.</summary>
public sealed class WorkflowVersioningTests : IDisposable
{
    private readonly string _database = SqliteApiFactory.NewDirectory();
    private readonly string _workflows = WorkflowTestSupport.CopyOfWorkflows();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SqliteApiFactory Host() => SqliteApiFactory.OnDirectory(_database,
        new Dictionary<string, string> { ["Workflows:Directory"] = _workflows });

    private static async Task<WorkflowDefinitionException> StartUpFailsAsync(SqliteApiFactory host)
    {
        await using (host)
        {
            var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
            for (Exception? e = error; e is not null; e = e.InnerException)
                if (e is WorkflowDefinitionException definitionError) return definitionError;
            throw new Xunit.Sdk.XunitException($"Start-up failed for another reason: {error}");
        }
    }

    private JsonObject Read(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(_workflows, file)))!.AsObject();

    private void Write(string file, JsonObject definition) =>
        File.WriteAllText(Path.Combine(_workflows, file), definition.ToJsonString(new() { WriteIndented = true }));

    [Fact]
    public async Task An_invalid_definition_stops_start_up_naming_the_file_and_the_problem()
    {
        var broken = Read("concept-note.v1.json");
        broken["version"] = 2;
        broken["actions"]!.AsArray()[0]!["guards"] = new JsonArray("endorsedByGovernment");
        Write("concept-note.v2.json", broken);

        var error = await StartUpFailsAsync(Host());

        var problem = Assert.Single(error.Problems);
        Assert.Equal("concept-note.v2.json", problem.File);
        Assert.StartsWith("action 'submit' names unknown guard 'endorsedByGovernment'", problem.Message);
        Assert.Contains("concept-note.v2.json: action 'submit' names unknown guard", error.Message);
    }

    [Fact]
    public async Task A_file_changed_after_its_version_was_stored_stops_start_up()
    {
        await using (var first = Host()) first.CreateClient().Dispose();
        var changed = Read("joint-programme.v1.json");
        changed["title"] = "Joint programme (renamed)";
        Write("joint-programme.v1.json", changed);

        var error = await StartUpFailsAsync(Host());

        var problem = Assert.Single(error.Problems);
        Assert.Equal("joint-programme.v1.json", problem.File);
        Assert.StartsWith("the file changed after version 1 was stored", problem.Message);
        Assert.Contains("put the change in 'joint-programme.v3.json'", problem.Message);
    }

    [Fact]
    public async Task Line_endings_alone_do_not_count_as_a_change()
    {
        await using (var first = Host()) first.CreateClient().Dispose();
        var path = Path.Combine(_workflows, "joint-programme.v1.json");
        File.WriteAllText(path, File.ReadAllText(path).ReplaceLineEndings("\r\n"));

        await using var second = Host();
        second.CreateClient().Dispose();
    }

    [Fact]
    public async Task A_stored_version_whose_file_went_missing_stops_start_up()
    {
        await using (var first = Host()) first.CreateClient().Dispose();
        File.Delete(Path.Combine(_workflows, "joint-programme.v1.json"));

        var error = await StartUpFailsAsync(Host());

        Assert.Equal("version 1 of 'joint-programme' is stored but its file is missing: published versions stay in the workflow directory.",
            Assert.Single(error.Problems).Message);
    }

    [Fact]
    public async Task A_new_version_serves_new_instances_while_running_ones_stay_on_theirs()
    {
        Guid old;
        await using (var before = Host())
        {
            old = await before.StartAsync();
            using var government = await before.CreateClientAsAsync("gov.mex");
            await government.StepsAsync(old, "submit");
        }

        // Version 3: a submitted note can no longer be withdrawn, only screened.
        var next = Read("concept-note.v2.json");
        next["version"] = 3;
        var withdraw = next["actions"]!.AsArray().Single(a => (string?)a!["name"] == "withdraw")!;
        withdraw["from"] = new JsonArray("draft", "returnedForRevision", "deferred", "approvedInPipeline");
        Write("concept-note.v3.json", next);

        await using var after = Host();
        var fresh = await after.StartAsync();
        using var fmu = await after.CreateClientAsAsync("fmu.officer");
        await fmu.StepsAsync(fresh, "submit");

        var oldInstance = await fmu.ReadAsync(old);
        var freshInstance = await fmu.ReadAsync(fresh);
        Assert.Equal(2, oldInstance.GetProperty("workflow").GetProperty("version").GetInt32());
        Assert.Equal(3, freshInstance.GetProperty("workflow").GetProperty("version").GetInt32());
        Assert.Equal(["startScreening", "withdraw"], oldInstance.AllowedActionNames());
        Assert.Equal(["startScreening"], freshInstance.AllowedActionNames());

        var workflows = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/workflows", Ct));
        var conceptNote = workflows.EnumerateArray().Single(w => w.GetProperty("id").GetString() == "concept-note");
        var versions = conceptNote.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(3, conceptNote.GetProperty("currentVersion").GetInt32());
        Assert.Equal([(1, 0, false), (2, 1, false), (3, 1, true)], versions.Select(v => (v.GetProperty("version").GetInt32(),
            v.GetProperty("instances").GetInt32(), v.GetProperty("isCurrent").GetBoolean())));
        Assert.All((await after.JournalAsync(old)).Select(j => j.DefinitionVersion), v => Assert.Equal(2, v));
    }

    public void Dispose()
    {
        SqliteApiFactory.DeleteDirectory(_database);
        SqliteApiFactory.DeleteDirectory(Path.GetDirectoryName(_workflows)!);
    }
}
