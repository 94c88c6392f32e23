using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Infrastructure.Seeding;

/// <summary>
/// The demo Steering Committee: the twelve members the development sign-in offers (three per constituency) on staggered
/// terms, the four they replaced on the third seats, the chair and the two attendees. Terms are set relative to today,
/// so the composition always shows a term ending within 90 days and covers every ballot of the demo history.
/// </summary>
internal static class DemoCommittee
{
    private sealed record Seat(string User, string Name, string Constituency, int Number, Representation Represents);

    private static readonly Seat[] Current =
    [
        new("sc.iom", "Jonas Weber", "un-network", 1, Representation.OfOrganization("IOM", "International Organization for Migration")),
        new("sc.ohchr", "Fatima Zahra", "un-network", 2, Representation.OfOrganization("OHCHR", "Office of the United Nations High Commissioner for Human Rights")),
        new("sc.undp", "Hiroshi Tanaka", "un-network", 3, Representation.OfOrganization("UNDP", "United Nations Development Programme")),
        new("sc.deu", "Katrin Schulz", "donors", 1, Representation.OfGovernment("DEU", "Germany")),
        new("sc.nld", "Pieter de Vries", "donors", 2, Representation.OfGovernment("NLD", "Netherlands")),
        new("sc.esp", "Lucía Fernández", "donors", 3, Representation.OfGovernment("ESP", "Spain")),
        new("sc.mex", "Ana López", "countries", 1, Representation.OfGovernment("MEX", "Mexico")),
        new("sc.mar", "Youssef Alaoui", "countries", 2, Representation.OfGovernment("MAR", "Morocco")),
        new("sc.bgd", "Rahima Begum", "countries", 3, Representation.OfGovernment("BGD", "Bangladesh")),
        new("sc.mmc", "Sofia Costa", "stakeholders", 1, Representation.OfBody("Mayors Migration Council")),
        new("sc.srhrm", "Tomás Rivera", "stakeholders", 2, Representation.OfBody("Special Rapporteur on the Human Rights of Migrants")),
        new("sc.idc", "Grace Mwangi", "stakeholders", 3, Representation.OfBody("International Detention Coalition")),
    ];

    private static readonly Seat[] Former =
    [
        new("former.unhcr", "Claire Dubois", "un-network", 3, Representation.OfOrganization("UNHCR", "Office of the United Nations High Commissioner for Refugees")),
        new("former.che", "Martin Keller", "donors", 3, Representation.OfGovernment("CHE", "Switzerland")),
        new("former.phl", "Jose Reyes", "countries", 3, Representation.OfGovernment("PHL", "Philippines")),
        new("former.icmc", "Helen Otieno", "stakeholders", 3, Representation.OfBody("International Catholic Migration Commission")),
    ];

    /// <summary>Every membership, valid under <paramref name="termMonths"/>: seat 1 ends within 90 days, seat 2 in about a year, seat 3 changed hands about 500 days ago.</summary>
    public static IEnumerable<CommitteeMembership> Memberships(IReadOnlyDictionary<string, Constituency> constituencies,
        int termMonths, DateOnly today, DateTimeOffset now)
    {
        var all = new List<CommitteeMembership>();
        var seatThreeStart = today.AddDays(-500);
        foreach (var seat in Former.Concat(Current))
        {
            // Default ends (start + term - 1 day) are always valid terms; only the former holders end early.
            var (start, end) = (seat.Number, seat.User.StartsWith("former.", StringComparison.Ordinal)) switch
            {
                (1, _) => (today.AddDays(41).AddMonths(-termMonths), (DateOnly?)null),
                (2, _) => (today.AddDays(401).AddMonths(-termMonths), null),
                (_, true) => (seatThreeStart.AddMonths(-termMonths).AddDays(1), seatThreeStart.AddDays(-1)),
                _ => (seatThreeStart, null),
            };
            var membership = CommitteeMembership.Appoint(seat.User, seat.Name, CommitteeRole.Member,
                constituencies[seat.Constituency], seat.Number, seat.Represents, start, end, termMonths, all, "fmu.officer", now);
            all.Add(membership);
        }

        var nonVotingStart = today.AddDays(-700);
        all.Add(CommitteeMembership.Appoint("chair.network", "Jonathan Prentice", CommitteeRole.Chair, null, null,
            Representation.OfBody("Coordinator, UN Network on Migration"), nonVotingStart, null, termMonths, all, "fmu.officer", now));
        all.Add(CommitteeMembership.Appoint("mptfo.agent", "Olga Ivanova", CommitteeRole.Attendee, null, null,
            Representation.OfBody("Administrative Agent (UN MPTF Office)"), nonVotingStart, null, termMonths, all, "fmu.officer", now));
        all.Add(CommitteeMembership.Appoint("fmu.officer", "Amina Diallo", CommitteeRole.Attendee, null, null,
            Representation.OfBody("Fund Management Unit"), nonVotingStart, null, termMonths, all, "fmu.officer", now));
        return all;
    }
}
