using System.Text.Json;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests;

/// <summary>
/// The OpenAPI document as a client generator reads it: enums that are strings, nulls that match one branch, every
/// error answer with the problem body the API sends, camelCase query parameters, anonymous operations that need no
/// token, and files that are files.
/// </summary>
public sealed class OpenApiDocumentTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private const string ProblemJson = "application/problem+json";

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = api.CreateClient();
        return await HttpAssert.OkJsonAsync(await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (p.Name, o.Name, o.Value)));

    private static bool Has(JsonElement element, string property) => element.TryGetProperty(property, out _);

    [Fact]
    public async Task Enums_are_strings_and_never_list_null()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        var enums = schemas.EnumerateObject().Where(s => Has(s.Value, "enum")).ToList();
        Assert.Contains(enums, s => s.Name == "Region");
        Assert.All(enums, s =>
        {
            Assert.True(s.Value.GetProperty("type").GetString() == "string", $"{s.Name} is not typed as a string");
            Assert.DoesNotContain(s.Value.GetProperty("enum").EnumerateArray(), v => v.ValueKind == JsonValueKind.Null);
        });
        // A country without a region is null: exactly one branch of the property's oneOf admits it.
        var region = schemas.GetProperty("CountryResponse").GetProperty("properties").GetProperty("region");
        var branches = region.GetProperty("oneOf").EnumerateArray().ToList();
        Assert.Equal(2, branches.Count);
        Assert.Single(branches, b => Has(b, "type") && b.GetProperty("type").GetString() == "null");
        Assert.Single(branches, b => b.TryGetProperty("$ref", out var reference) && reference.GetString() == "#/components/schemas/Region");
    }

    [Fact]
    public async Task Amounts_are_decimals_so_that_a_generated_client_does_not_round_money()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        Assert.Equal("decimal", schemas.GetProperty("FundingStatus").GetProperty("properties").GetProperty("depositedUsd")
            .GetProperty("format").GetString());
        Assert.Equal("decimal", schemas.GetProperty("BudgetShareRequest").GetProperty("properties").GetProperty("amountUsd")
            .GetProperty("format").GetString());
    }

    [Fact]
    public async Task Every_error_answer_documents_the_problem_body_it_sends()
    {
        var document = await DocumentAsync();
        var api = Operations(document).Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();

        Assert.All(api, o =>
        {
            var responses = o.Operation.GetProperty("responses");
            foreach (var status in new[] { "401", "403" })
                Assert.True(responses.TryGetProperty(status, out var r) && Has(r.GetProperty("content"), ProblemJson),
                    $"{o.Method} {o.Path}: no {status} with a problem body");
            if (o.Path.Contains('{'))
                Assert.True(responses.TryGetProperty("404", out var notFound) && Has(notFound.GetProperty("content"), ProblemJson),
                    $"{o.Method} {o.Path} names a record but documents no 404 with a problem body");
            if (o.Operation.TryGetProperty("parameters", out var parameters) &&
                parameters.EnumerateArray().Any(p => p.GetProperty("in").GetString() == "query") || Has(o.Operation, "requestBody"))
                Assert.True(responses.TryGetProperty("400", out _), $"{o.Method} {o.Path} reads input but documents no 400");
            foreach (var response in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
                Assert.True(Has(response.Value, "content"), $"{o.Method} {o.Path}: {response.Name} has no body");
            // A stale write's 409 names 'version' in 'errors': a generated client reads it only if the schema has them.
            if (responses.TryGetProperty("409", out var conflict))
                Assert.Equal("#/components/schemas/HttpValidationProblemDetails",
                    conflict.GetProperty("content").GetProperty(ProblemJson).GetProperty("schema").GetProperty("$ref").GetString());
        });
        var problem = document.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails");
        Assert.True(Has(problem.GetProperty("properties"), "title"));
    }

    [Fact]
    public async Task Operations_that_need_a_token_say_so_and_the_development_sign_in_does_not()
    {
        var document = await DocumentAsync();

        Assert.False(Has(document, "security"), "A document-wide requirement would cover the anonymous operations too");
        var operations = Operations(document).ToList();
        Assert.All(operations.Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)), o =>
            Assert.Equal("Bearer", o.Operation.GetProperty("security")[0].EnumerateObject().Single().Name));
        var development = operations.Where(o => o.Path.StartsWith("/dev/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(development);
        Assert.All(development, o =>
        {
            Assert.Equal(0, o.Operation.GetProperty("security").GetArrayLength());
            Assert.False(o.Operation.GetProperty("responses").TryGetProperty("401", out _), $"{o.Method} {o.Path} is anonymous");
        });
    }

    [Fact]
    public async Task Query_parameters_are_named_as_clients_send_them()
    {
        var document = await DocumentAsync();

        var names = Operations(document)
            .SelectMany(o => o.Operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(p => p.GetProperty("in").GetString() == "query")
            .Select(p => p.GetProperty("name").GetString()!)
            .ToList();
        Assert.Contains("pageSize", names);
        Assert.All(names, name => Assert.True(char.IsLower(name[0]), $"Query parameter '{name}' is not camelCase"));
    }

    [Fact]
    public async Task Workbooks_are_documented_as_files_of_their_media_type()
    {
        var document = await DocumentAsync();

        var workbooks = Operations(document).Where(o => o.Path.EndsWith(".xlsx", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, workbooks.Count);
        Assert.All(workbooks, o =>
        {
            var schema = o.Operation.GetProperty("responses").GetProperty("200").GetProperty("content")
                .GetProperty("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").GetProperty("schema");
            Assert.Equal("binary", schema.GetProperty("format").GetString());
        });
    }

    [Fact]
    public async Task The_document_describes_itself_its_tags_and_its_server_without_a_trailing_slash()
    {
        var document = await DocumentAsync();

        var used = Operations(document).SelectMany(o => o.Operation.GetProperty("tags").EnumerateArray())
            .Select(t => t.GetString()!).ToHashSet();
        var described = document.GetProperty("tags").EnumerateArray()
            .Where(t => !string.IsNullOrWhiteSpace(t.TryGetProperty("description", out var d) ? d.GetString() : null))
            .Select(t => t.GetProperty("name").GetString()!).ToHashSet();
        Assert.Empty(used.Except(described));

        var info = document.GetProperty("info");
        Assert.False(string.IsNullOrWhiteSpace(info.GetProperty("description").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(info.GetProperty("contact").GetProperty("name").GetString()));
        Assert.All(document.GetProperty("servers").EnumerateArray(),
            s => Assert.False(s.GetProperty("url").GetString()!.EndsWith('/'), "A server URL ends with '/'"));
    }

    [Fact]
    public async Task Every_operation_says_who_may_call_it_as_its_policy_does()
    {
        var operations = Operations(await DocumentAsync()).ToList();

        Assert.All(operations, o => Assert.StartsWith("Who may call it: ", o.Operation.GetProperty("description").GetString()));
        string DescriptionOf(string id) => operations.Single(o => o.Operation.GetProperty("operationId").GetString() == id)
            .Operation.GetProperty("description").GetString()!;
        Assert.Contains("(roles: FundManager).", DescriptionOf("OpenBallot"));
        Assert.Contains("(roles: SteeringCommitteeMember).", DescriptionOf("CastVote"));
        Assert.Contains("anyone, without a token", DescriptionOf("IssueDevToken"));
    }

    [Fact]
    public async Task A_workflow_action_parameter_lists_the_actions_a_caller_can_take()
    {
        var operations = Operations(await DocumentAsync()).ToList();
        List<string> ActionsOf(string id) => operations.Single(o => o.Operation.GetProperty("operationId").GetString() == id)
            .Operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "action")
            .GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToList();

        Assert.Equal(["cancel", "closeEarly"], ActionsOf("ActOnBallot"));
        var conceptNote = ActionsOf("ActOnConceptNote");
        Assert.Contains("putToCommitteeAgain", conceptNote);
        // Taken by the application itself (a decision, an allocation, a lapsed revision period), never by a caller.
        Assert.DoesNotContain("approve", conceptNote);
        Assert.DoesNotContain("fund", conceptNote);
        Assert.DoesNotContain("lapse", conceptNote);
        Assert.Equal(["approve", "return", "submit"], ActionsOf("ActOnProgressReport"));
        Assert.Contains("beginImplementation", ActionsOf("ActOnJointProgramme"));
        Assert.Superset(conceptNote.Concat(ActionsOf("ActOnBallot")).ToHashSet(), ActionsOf("FireWorkflowAction").ToHashSet());
    }

    [Fact]
    public async Task Every_api_call_documents_its_rate_limit_and_timeout_and_every_body_its_size_limit()
    {
        var api = Operations(await DocumentAsync()).Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();

        Assert.All(api, o =>
        {
            var responses = o.Operation.GetProperty("responses");
            Assert.True(responses.GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _),
                $"{o.Method} {o.Path}: 429 without Retry-After");
            Assert.True(Has(responses.GetProperty("504"), "content"), $"{o.Method} {o.Path}: no 504");
            if (Has(o.Operation, "requestBody"))
                Assert.True(Has(responses, "413"), $"{o.Method} {o.Path} reads a body but documents no 413");
        });
    }

    [Fact]
    public async Task The_validators_rules_are_in_the_schemas()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var ballot = schemas.GetProperty("OpenBallotRequest").GetProperty("properties");
        Assert.Equal(1, ballot.GetProperty("title").GetProperty("minLength").GetInt32());
        Assert.Equal(TrustFundManager.Domain.Committee.Ballot.TitleMaxLength,
            ballot.GetProperty("title").GetProperty("maxLength").GetInt32());
        Assert.Equal(1, ballot.GetProperty("conceptNoteIds").GetProperty("minItems").GetInt32());
        Assert.Equal(100, schemas.GetProperty("DepositRequest").GetProperty("properties").GetProperty("reference")
            .GetProperty("maxLength").GetInt32());
        // Only the choice must be sent with a vote: conditions, reason and comment may be left out (read as null).
        Assert.Equal(["choice"], schemas.GetProperty("CastVoteRequest").GetProperty("required").EnumerateArray()
            .Select(r => r.GetString()!).ToList());

        var pageSizes = Operations(document)
            .SelectMany(o => o.Operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(p => p.GetProperty("name").GetString() == "pageSize")
            .ToList();
        Assert.NotEmpty(pageSizes);
        Assert.All(pageSizes, p =>
        {
            Assert.Equal(1, p.GetProperty("schema").GetProperty("minimum").GetInt32());
            Assert.Equal(TrustFundManager.Application.Common.Paging.MaxPageSize,
                p.GetProperty("schema").GetProperty("maximum").GetInt32());
        });
    }

    [Fact]
    public async Task A_change_to_a_record_is_called_an_update_in_every_operation_name()
    {
        var names = Operations(await DocumentAsync()).Select(o => o.Operation.GetProperty("operationId").GetString()!).ToList();

        Assert.Contains("UpdateDonor", names);
        Assert.DoesNotContain(names, n => n.StartsWith("Change", StringComparison.Ordinal) || n.StartsWith("Put", StringComparison.Ordinal));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
