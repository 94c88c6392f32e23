using System.Text.Json.Nodes;
using TrustFundManager.Workflows.Definitions;

namespace TrustFundManager.Domain.Tests.Workflows;

/// <summary>Each kind of broken definition stops loading with a message naming the file and the problem.</summary>
public sealed class WorkflowDefinitionValidationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("trustfund-workflows-").FullName;

    private static readonly WorkflowVocabulary Vocabulary = new(
        WorkflowRoles.Known.ToHashSet(),
        new HashSet<string> { "budgetBalanced" },
        new HashSet<string> { "keepVersion" },
        new HashSet<string> { "revisionPeriodDays" });

    /// <summary>A small valid definition that each test breaks in one way.</summary>
    private static JsonObject Valid() => JsonNode.Parse("""
        {
          "id": "sample", "version": 1, "title": "Sample", "initialState": "draft",
          "states": [
            { "name": "draft", "title": "Draft", "visibleTo": ["GovernmentFocalPoint"],
              "task": { "title": "Submit it", "roles": ["GovernmentFocalPoint"] } },
            { "name": "submitted", "title": "Submitted", "onEntry": ["keepVersion"],
              "timers": [ { "afterSetting": "revisionPeriodDays", "fire": "expire" }, { "after": "P14D", "fire": "expire" } ] },
            { "name": "closed", "title": "Closed", "terminal": true }
          ],
          "actions": [
            { "name": "submit", "title": "Submit", "from": ["draft"], "to": "submitted",
              "roles": ["GovernmentFocalPoint", "FundManager"], "guards": ["budgetBalanced"] },
            { "name": "note", "title": "Add a note", "from": ["submitted"], "roles": ["FundManager"], "commentRequired": true },
            { "name": "expire", "title": "Expire", "from": ["submitted"], "to": "closed", "roles": ["System"] }
          ]
        }
        """)!.AsObject();

    private string Write(JsonObject definition, string? fileName = null)
    {
        fileName ??= $"{definition["id"]}.v{definition["version"]}.json";
        File.WriteAllText(Path.Combine(_directory, fileName), definition.ToJsonString());
        return fileName;
    }

    private WorkflowProblem SingleProblem()
    {
        var error = Assert.Throws<WorkflowDefinitionException>(() => WorkflowCatalog.Load(_directory, Vocabulary));
        var problem = Assert.Single(error.Problems);
        Assert.Contains(problem.File, error.Message);
        Assert.Contains(problem.Message, error.Message);
        return problem;
    }

    private static JsonObject State(JsonObject definition, string name) =>
        definition["states"]!.AsArray().Single(s => (string?)s!["name"] == name)!.AsObject();

    private static JsonObject Action(JsonObject definition, string name) =>
        definition["actions"]!.AsArray().Single(a => (string?)a!["name"] == name)!.AsObject();

    [Fact]
    public void The_sample_is_valid()
    {
        Write(Valid());
        var catalog = WorkflowCatalog.Load(_directory, Vocabulary);
        Assert.Equal(1, catalog.Latest("sample").Version);
        Assert.Equal(64, Assert.Single(catalog.Files).ContentHash.Length);
    }

    [Fact]
    public void An_unknown_state_is_refused()
    {
        var definition = Valid();
        Action(definition, "submit")["to"] = "sent";
        var file = Write(definition);

        var problem = SingleProblem();

        Assert.Equal(file, problem.File);
        Assert.Equal("action 'submit': 'to' names unknown state 'sent'.", problem.Message);
    }

    [Fact]
    public void An_unknown_initial_state_is_refused()
    {
        var definition = Valid();
        definition["initialState"] = "start";
        Write(definition);

        Assert.Equal("initialState names unknown state 'start'.", SingleProblem().Message);
    }

    [Fact]
    public void An_unknown_action_is_refused()
    {
        var definition = Valid();
        State(definition, "submitted")["timers"]!.AsArray()[1]!["fire"] = "lapse";
        Write(definition);

        Assert.Equal("state 'submitted': timer fires unknown action 'lapse'.", SingleProblem().Message);
    }

    [Fact]
    public void An_unknown_role_is_refused()
    {
        var definition = Valid();
        Action(definition, "note")["roles"] = new JsonArray("FundManagers");
        Write(definition);

        var message = SingleProblem().Message;
        Assert.StartsWith("action 'note' names unknown role 'FundManagers' (known: ", message);
        Assert.Contains("FundManager, GovernmentFocalPoint", message);
    }

    [Fact]
    public void An_unknown_guard_is_refused()
    {
        var definition = Valid();
        Action(definition, "submit")["guards"] = new JsonArray("budgetBalance");
        Write(definition);

        Assert.Equal("action 'submit' names unknown guard 'budgetBalance' (known: budgetBalanced).", SingleProblem().Message);
    }

    [Fact]
    public void An_unknown_effect_is_refused()
    {
        var definition = Valid();
        State(definition, "submitted")["onEntry"] = new JsonArray("keepVersions");
        Write(definition);

        Assert.Equal("state 'submitted': onEntry names unknown effect 'keepVersions'.", SingleProblem().Message);
    }

    [Fact]
    public void An_unknown_setting_is_refused()
    {
        var definition = Valid();
        State(definition, "submitted")["timers"]!.AsArray()[0]!["afterSetting"] = "revisionDays";
        Write(definition);

        Assert.Equal("state 'submitted': timer names unknown setting 'revisionDays' (known: revisionPeriodDays).",
            SingleProblem().Message);
    }

    [Theory]
    [InlineData("P1M")]
    [InlineData("P0D")]
    [InlineData("14 days")]
    [InlineData("PT")]
    public void A_timer_duration_that_is_not_a_positive_ISO_duration_is_refused(string duration)
    {
        var definition = Valid();
        State(definition, "submitted")["timers"]!.AsArray()[1]!["after"] = duration;
        Write(definition);

        Assert.Contains($"timer duration '{duration}' is not a positive ISO 8601 duration", SingleProblem().Message);
    }

    [Fact]
    public void An_unreachable_state_is_refused()
    {
        var definition = Valid();
        definition["states"]!.AsArray().Add(JsonNode.Parse("""{ "name": "archived", "title": "Archived", "terminal": true }"""));
        Write(definition);

        Assert.Equal("state 'archived' is unreachable: no action leads to it from 'draft'.", SingleProblem().Message);
    }

    [Fact]
    public void A_terminal_state_with_outgoing_actions_is_refused()
    {
        var definition = Valid();
        definition["actions"]!.AsArray().Add(JsonNode.Parse(
            """{ "name": "reopen", "title": "Reopen", "from": ["closed"], "to": "draft", "roles": ["FundManager"] }"""));
        Write(definition);

        Assert.Equal("state 'closed' is terminal but action 'reopen' goes out of it.", SingleProblem().Message);
    }

    [Fact]
    public void A_state_that_is_not_terminal_needs_a_way_out()
    {
        var definition = Valid();
        State(definition, "closed").Remove("terminal");
        Write(definition);

        Assert.Equal("state 'closed' is not terminal but no action leaves it.", SingleProblem().Message);
    }

    [Fact]
    public void A_duplicate_id_and_version_is_refused()
    {
        Write(Valid());
        Write(Valid(), "sample.v01.json");

        var error = Assert.Throws<WorkflowDefinitionException>(() => WorkflowCatalog.Load(_directory, Vocabulary));

        Assert.Contains(error.Problems, p => p.Message ==
            "duplicate id and version: sample.v01.json, sample.v1.json all define 'sample' version 1.");
    }

    [Fact]
    public void A_file_named_otherwise_than_its_id_and_version_is_refused()
    {
        var definition = Valid();
        definition["version"] = 2;
        Write(definition, "sample.v1.json");

        var problem = SingleProblem();
        Assert.Equal("sample.v1.json", problem.File);
        Assert.Equal("the file must be named 'sample.v2.json' after its id and version.", problem.Message);
    }

    [Fact]
    public void A_misspelt_property_is_refused_rather_than_ignored()
    {
        var definition = Valid();
        Action(definition, "note")["commentRequred"] = true;
        Write(definition);

        var message = SingleProblem().Message;
        Assert.StartsWith("not a valid definition:", message);
        Assert.Contains("commentRequred", message);
    }

    [Fact]
    public void A_timer_must_fire_an_action_the_system_may_fire_from_its_state()
    {
        var definition = Valid();
        State(definition, "submitted")["timers"]!.AsArray()[1]!["fire"] = "note";
        Write(definition);

        Assert.Equal("state 'submitted': timer fires action 'note', whose roles do not include 'System'.",
            SingleProblem().Message);
    }

    [Fact]
    public void A_task_for_a_role_that_cannot_act_in_its_state_is_refused()
    {
        var definition = Valid();
        State(definition, "draft")["task"]!["roles"] = new JsonArray("SteeringCommitteeMember");
        Write(definition);

        Assert.Equal("state 'draft': the task is for 'SteeringCommitteeMember', who may fire no action in this state.",
            SingleProblem().Message);
    }

    [Fact]
    public void Every_problem_in_every_file_is_reported_at_once()
    {
        var first = Valid();
        Action(first, "submit")["guards"] = new JsonArray("missing");
        Write(first);
        var second = Valid();
        second["id"] = "other";
        Action(second, "note")["roles"] = new JsonArray("Nobody");
        Write(second);

        var error = Assert.Throws<WorkflowDefinitionException>(() => WorkflowCatalog.Load(_directory, Vocabulary));

        Assert.Equal(["other.v1.json", "sample.v1.json"], error.Problems.Select(p => p.File).Order());
    }

    [Fact]
    public void The_fund_workflows_in_the_repository_are_valid()
    {
        var catalog = WorkflowCatalog.Load(RepositoryWorkflows(), new WorkflowVocabulary(
            WorkflowRoles.Known.ToHashSet(),
            new HashSet<string> { "conceptNoteComplete", "screeningChecklistPassed", "everyEligibleMemberVoted", "firstTrancheTransferred",
                "progressReportComplete" },
            new HashSet<string> { "keepSubmittedVersion", "closeScreeningRound", "decideBallot", "cancelBallot", "releaseUntransferredAllocation",
                "markProgressReportSubmitted", "returnProgressReport", "approveProgressReport" },
            new HashSet<string> { "revisionPeriodDays" },
            new HashSet<string> { "ballotDeadline" },
            new HashSet<string> { "ballotVoters" }));

        Assert.Equal(2, catalog.Latest("concept-note").Version);
        Assert.Equal(11, catalog.Latest("concept-note").States.Count);
        Assert.Equal(6, catalog.Latest("joint-programme").States.Count);
        Assert.Equal(4, catalog.Latest("progress-report").States.Count);
    }

    internal static string RepositoryWorkflows()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TrustFundManager.sln")))
            directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Repository root not found."),
            "workflows");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
