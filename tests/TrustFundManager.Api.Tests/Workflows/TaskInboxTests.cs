using System.Net;
using System.Text.Json;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Workflows;

/// <summary>The inbox lists what waits for the caller's roles within their scope, with links to act.</summary>
public sealed class TaskInboxTests : IAsyncLifetime
{
    private readonly SqliteApiFactory _api = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<JsonElement>> InboxAsync(string user, string query = "")
    {
        using var client = await _api.CreateClientAsAsync(user);
        var page = await HttpAssert.OkJsonAsync(await client.GetAsync($"/api/tasks/mine{query}", Ct));
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    [Fact]
    public async Task A_government_sees_only_its_own_countrys_tasks_with_links_to_act()
    {
        var mexican = await _api.StartAsync(country: "MEX", title: "Mexico: labour mobility");
        await _api.StartAsync(country: "PHL", title: "Philippines: return and reintegration");

        var tasks = await InboxAsync("gov.mex");

        var task = Assert.Single(tasks);
        Assert.Equal("Complete and submit the concept note", task.GetProperty("title").GetString());
        Assert.Equal("draft", task.GetProperty("state").GetProperty("name").GetString());
        Assert.Equal("Mexico: labour mobility", task.GetProperty("subject").GetProperty("title").GetString());
        Assert.Equal("concept-note", task.GetProperty("subject").GetProperty("type").GetString());
        Assert.Equal($"/api/workflow-instances/{mexican}", task.GetProperty("instanceHref").GetString());
        Assert.Equal(["submit", "withdraw"], task.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal($"/api/workflow-instances/{mexican}/actions/submit",
            task.GetProperty("actions")[0].GetProperty("href").GetString());

        Assert.Equal("Philippines: return and reintegration",
            Assert.Single(await InboxAsync("gov.phl")).GetProperty("subject").GetProperty("title").GetString());
        Assert.Empty(await InboxAsync("gov.gha"));
    }

    [Fact]
    public async Task A_task_moves_to_the_fmu_when_the_government_submits_and_back_when_returned()
    {
        var note = await _api.StartAsync();
        using var government = await _api.CreateClientAsAsync("gov.mex");
        using var fmu = await _api.CreateClientAsAsync("fmu.officer");
        Assert.Empty(await InboxAsync("fmu.officer"));

        await government.StepsAsync(note, "submit");

        Assert.Empty(await InboxAsync("gov.mex"));
        var screening = Assert.Single(await InboxAsync("fmu.finance"));
        Assert.Equal("Start screening the concept note", screening.GetProperty("title").GetString());

        await fmu.StepsAsync(note, "startScreening", "returnForRevision");
        Assert.Empty(await InboxAsync("fmu.officer"));
        Assert.Equal("Revise and resubmit the concept note",
            Assert.Single(await InboxAsync("gov.mex")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Roles_without_tasks_see_an_empty_inbox_and_paging_is_validated()
    {
        await _api.StartAsync();

        Assert.Empty(await InboxAsync("sc.mex"));
        Assert.Empty(await InboxAsync("puno.iom"));
        Assert.Empty(await InboxAsync("admin"));

        using var client = await _api.CreateClientAsAsync("gov.mex");
        await HttpAssert.ValidationProblemAsync(await client.GetAsync("/api/tasks/mine?pageSize=0", Ct), "pageSize");
        await HttpAssert.ValidationProblemAsync(await client.GetAsync("/api/tasks/mine?page=-1", Ct), "page");
        using var anonymous = _api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/tasks/mine", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_inbox_pages_oldest_first()
    {
        for (var i = 0; i < 5; i++)
        {
            await _api.StartAsync(title: $"Note {i}");
            _api.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        using var client = await _api.CreateClientAsAsync("gov.mex");
        var page = await HttpAssert.OkJsonAsync(await client.GetAsync("/api/tasks/mine?page=2&pageSize=2", Ct));

        Assert.Equal(5, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(["Note 2", "Note 3"], page.GetProperty("items").EnumerateArray()
            .Select(t => t.GetProperty("subject").GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Every_page_of_the_inbox_gives_the_same_total_the_last_one_and_past_the_end_included()
    {
        for (var i = 0; i < 5; i++) await _api.StartAsync(title: $"Note {i}");
        using var client = await _api.CreateClientAsAsync("gov.mex");

        foreach (var (query, items) in new[] { ("page=1&pageSize=2", 2), ("page=3&pageSize=2", 1), ("page=4&pageSize=2", 0), ("page=1&pageSize=20", 5) })
        {
            var page = await HttpAssert.OkJsonAsync(await client.GetAsync($"/api/tasks/mine?{query}", Ct));
            Assert.Equal(5, page.GetProperty("totalCount").GetInt32());
            Assert.Equal(items, page.GetProperty("items").GetArrayLength());
        }
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();
}
