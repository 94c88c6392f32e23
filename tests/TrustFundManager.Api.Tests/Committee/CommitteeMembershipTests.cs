using System.Net;
using System.Net.Http.Json;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Committee;

/// <summary>Seats, terms and the composition through the API.</summary>
public sealed class CommitteeMembershipTests : IAsyncLifetime
{
    private readonly SqliteApiFactory api = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await api.AppointCommitteeAsync();

    public ValueTask DisposeAsync() => api.DisposeAsync();

    [Fact]
    public async Task The_composition_shows_each_seat_its_holder_vacancies_and_terms_ending_soon()
    {
        using var mexico = await api.CreateClientAsAsync("gov.mex");
        var today = await HttpAssert.OkJsonAsync(await mexico.GetAsync("/api/steering-committee/composition", Ct));
        Assert.Equal((12, 12, 0), (today.GetProperty("seats").GetInt32(), today.GetProperty("members").GetInt32(),
            today.GetProperty("vacancies").GetInt32()));
        var donors = today.GetProperty("constituencies").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "donors");
        Assert.Equal(["Katrin Schulz", "Pieter de Vries", "Lucía Fernández"], donors.GetProperty("seatHolders").EnumerateArray()
            .Select(s => s.GetProperty("holder").GetProperty("name").GetString()));
        Assert.DoesNotContain("sc.deu", today.ToString());

        // Terms are 36 months by default: 200 days in, none ends within 90 days; about 850 days in, all do.
        Assert.Empty(today.GetProperty("termsEndingWithin90Days").EnumerateArray());
        var later = await HttpAssert.OkJsonAsync(await mexico.GetAsync($"/api/steering-committee/composition?asOf={api.Today().AddDays(850):yyyy-MM-dd}", Ct));
        Assert.Equal(12, later.GetProperty("termsEndingWithin90Days").GetArrayLength());
        var after = await HttpAssert.OkJsonAsync(await mexico.GetAsync($"/api/steering-committee/composition?asOf={api.Today().AddDays(1000):yyyy-MM-dd}", Ct));
        Assert.Equal(12, after.GetProperty("vacancies").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await mexico.GetAsync("/api/steering-committee/members", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_constituency_holds_no_more_members_than_seats_and_seats_rotate()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var newcomer = new CommitteeTestSupport.SeatHolder("sc.new", "New Donor", "donors", 2, Country: "SWE");

        var taken = await HttpAssert.ProblemAsync(await fmu.AppointAsync(newcomer, api.Today()), HttpStatusCode.Conflict);
        Assert.Contains("Pieter de Vries", taken.GetProperty("detail").GetString());
        await HttpAssert.ValidationProblemAsync(await fmu.AppointAsync(newcomer with { Seat = 4 }, api.Today()), "seat");
        await HttpAssert.ValidationProblemAsync(await fmu.AppointAsync(newcomer, api.Today(), api.Today().AddMonths(37)), "termEnd");
        await HttpAssert.ValidationProblemAsync(await fmu.AppointAsync(newcomer with { Country = "XXX" }, api.Today()), "country");
        await HttpAssert.ValidationProblemAsync(await fmu.AppointAsync(newcomer with { Body = "Both" }, api.Today()), "represents");
        var twice = await HttpAssert.ProblemAsync(await fmu.AppointAsync(CommitteeTestSupport.Committee[0], api.Today(), role: "Attendee"),
            HttpStatusCode.Conflict);
        Assert.Contains("already sits on the committee", twice.GetProperty("detail").GetString());
        Assert.Equal(12, await api.CountAsync<CommitteeMembership>());

        // The seat is free the day after the holder's term ends early.
        var dutch = (await HttpAssert.OkJsonAsync(await fmu.GetAsync($"/api/steering-committee/members?asOf={api.Today():yyyy-MM-dd}&constituency=donors", Ct)))
            .EnumerateArray().Single(m => m.GetProperty("seat").GetInt32() == 2);
        var end = new { lastDay = api.Today().AddDays(10), reason = "Posted abroad", version = dutch.GetProperty("version") };
        await HttpAssert.OkJsonAsync(await fmu.PostAsJsonAsync($"/api/steering-committee/members/{dutch.GetProperty("id")}/end-term", end, Ct));
        await HttpAssert.ProblemAsync(await fmu.PostAsJsonAsync($"/api/steering-committee/members/{dutch.GetProperty("id")}/end-term", end, Ct),
            HttpStatusCode.Conflict);
        await HttpAssert.ProblemAsync(await fmu.AppointAsync(newcomer, api.Today().AddDays(10)), HttpStatusCode.Conflict);
        var appointed = await HttpAssert.OkJsonAsync(await fmu.AppointAsync(newcomer, api.Today().AddDays(11)), HttpStatusCode.Created);
        Assert.Equal(api.Today().AddDays(11).AddMonths(36).AddDays(-1), DateOnly.Parse(appointed.GetProperty("termEnd").GetString()!));
    }

    [Fact]
    public async Task The_chair_and_attendees_hold_no_seat_and_do_not_vote()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var chair = new CommitteeTestSupport.SeatHolder("chair.network", "Network Coordinator", "", 0, Body: "UN Network on Migration");
        await HttpAssert.OkJsonAsync(await fmu.AppointAsync(chair, api.Today(), role: "Chair"), HttpStatusCode.Created);
        await HttpAssert.ValidationProblemAsync(await fmu.PostAsJsonAsync("/api/steering-committee/members", new
        {
            userId = "mptfo", name = "Agent", role = "Attendee", constituency = "donors", seat = 1, body = "MPTF Office",
            termStart = api.Today(),
        }, Ct), "seat");

        var composition = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/steering-committee/composition", Ct));
        Assert.Equal("Chair", Assert.Single(composition.GetProperty("chairAndAttendees").EnumerateArray()).GetProperty("role").GetString());
        Assert.Equal(12, composition.GetProperty("members").GetInt32());
    }

    [Theory]
    [InlineData("gov.mex")]
    [InlineData("sc.deu")]
    [InlineData("puno.iom")]
    public async Task Only_the_FMU_and_administrators_appoint(string user)
    {
        using var client = await api.CreateClientAsAsync(user);
        var response = await client.AppointAsync(new CommitteeTestSupport.SeatHolder("x", "X", "donors", 1, Country: "SWE"), api.Today().AddYears(4));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(12, await api.CountAsync<CommitteeMembership>());
    }

    [Fact]
    public async Task Seats_cannot_be_cut_below_a_seat_someone_holds()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var refused = await HttpAssert.ProblemAsync(await fmu.PutAsJsonAsync("/api/constituencies/donors",
            new { name = "Donors", seats = 2 }, Ct), HttpStatusCode.Conflict);
        Assert.Contains("Lucía Fernández", refused.GetProperty("detail").GetString());
    }
}
