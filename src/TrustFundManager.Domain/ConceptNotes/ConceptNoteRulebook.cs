using System.Net.Mail;

namespace TrustFundManager.Domain.ConceptNotes;

/// <summary>
/// The rules of steps 1 and 2 of the pipeline, keyed by the field each concerns (the names clients send).
/// A draft must keep the content rules; a submission must also be complete.
/// </summary>
public static class ConceptNoteRulebook
{
    /// <summary>What is wrong with the content as far as it goes; empty when nothing is.</summary>
    public static Dictionary<string, string[]> ContentProblems(ConceptNoteContent content, ConceptNoteRules rules)
    {
        var errors = new Problems();
        CheckText(errors, "title", content.Title, ConceptNoteContent.TitleMaxLength, required: true);
        CheckText(errors, "summary", content.Summary, ConceptNoteContent.SummaryMaxLength, required: false);
        CheckCountries(errors, content, rules);
        CheckThemes(errors, content, rules);
        CheckBudget(errors, content, rules);
        CheckDuration(errors, content, rules);
        CheckPartners(errors, content);
        CheckMarker(errors, "markers.gender", content.Markers.Gender);
        CheckMarker(errors, "markers.humanRights", content.Markers.HumanRights);
        CheckMarker(errors, "markers.childSensitivity", content.Markers.ChildSensitivity);
        CheckContact(errors, content.Contact);
        CheckEndorsement(errors, content.Endorsement, rules.Today);
        return errors.ToDictionary();
    }

    /// <summary>The content rules, and everything a submitted concept note must have.</summary>
    public static Dictionary<string, string[]> SubmissionProblems(ConceptNoteContent content, ConceptNoteRules rules)
    {
        var errors = new Problems(ContentProblems(content, rules));
        if (string.IsNullOrWhiteSpace(content.Summary)) errors.Add("summary", "A summary is required to submit.");
        if (content.ThematicAreaNumber is null)
            errors.Add("thematicAreaNumber", "A primary thematic area is required to submit.");
        if (content.GcmObjectives.Count == 0)
            errors.Add("gcmObjectives", "At least one GCM objective is required to submit.");
        if (content.GuidingPrinciples.Count == 0)
            errors.Add("guidingPrinciples", "Name at least one GCM guiding principle the programme applies.");
        if (content.Budget.Select(b => b.Organization).Distinct().Count() < ConceptNoteContent.MinimumOrganizations)
            errors.Add("budget", $"A joint programme needs at least {ConceptNoteContent.MinimumOrganizations} participating UN organizations.");
        if (content.TotalRequestedUsd is null)
            errors.Add("totalRequestedUsd", "The total requested is required to submit.");
        if (content.DurationMonths is null) errors.Add("durationMonths", "The duration is required to submit.");
        if (content.Partners.Count == 0)
            errors.Add("partners", "Name at least one national partner or stakeholder.");
        if (content.Markers.Gender is null) errors.Add("markers.gender", "Score the gender marker (0 to 3).");
        if (content.Markers.HumanRights is null)
            errors.Add("markers.humanRights", "Score the human-rights marker (0 to 3).");
        if (content.Markers.ChildSensitivity is null)
            errors.Add("markers.childSensitivity", "Score the child-sensitivity marker (0 to 3).");
        if (content.Contact is null) errors.Add("contact", "Contact details are required to submit.");
        if (content.Endorsement is null)
            errors.Add("endorsement", "The government's endorsement (who and when) is required to submit.");
        return errors.ToDictionary();
    }

    private static void CheckText(Problems errors, string field, string? value, int maxLength, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(field, $"'{field}' is required.");
        }
        else if (value.Trim().Length > maxLength)
        {
            errors.Add(field, $"'{field}' must be {maxLength} characters or fewer.");
        }
    }

    private static void CheckCountries(Problems errors, ConceptNoteContent content, ConceptNoteRules rules)
    {
        if (!rules.CountryRegions.TryGetValue(content.Country, out var region))
        {
            errors.Add("country", $"'{content.Country}' is not an ISO 3166-1 alpha-3 country code the fund knows.");
            return;
        }
        if (region is null)
            errors.Add("country", $"{content.Country} has no region yet; the FMU sets one before notes can name it.");
        if (content.OtherCountries.Count > ConceptNoteContent.MaxOtherCountries)
        {
            errors.Add("otherCountries", $"A regional note covers at most {ConceptNoteContent.MaxOtherCountries} other countries.");
            return;
        }

        var seen = new HashSet<string> { content.Country };
        for (var i = 0; i < content.OtherCountries.Count; i++)
        {
            var code = content.OtherCountries[i];
            var field = $"otherCountries[{i}]";
            if (!seen.Add(code)) errors.Add(field, $"{code} is listed twice.");
            else if (!rules.CountryRegions.TryGetValue(code, out var otherRegion))
                errors.Add(field, $"'{code}' is not an ISO 3166-1 alpha-3 country code the fund knows.");
            else if (region is not null && otherRegion != region)
                errors.Add(field, $"A regional note covers countries of one region: {code} is not in {region}.");
        }
    }

    private static void CheckThemes(Problems errors, ConceptNoteContent content, ConceptNoteRules rules)
    {
        if (content.ThematicAreaNumber is { } area && !rules.ThematicAreas.Contains(area))
            errors.Add("thematicAreaNumber", $"There is no thematic area {area}.");
        CheckNumbers(errors, "gcmObjectives", content.GcmObjectives, rules.GcmObjectives, "GCM objective");
        CheckNumbers(errors, "guidingPrinciples", content.GuidingPrinciples, rules.GuidingPrinciples, "guiding principle");
    }

    private static void CheckNumbers(Problems errors, string field, IReadOnlyList<int> numbers, IReadOnlySet<int> known,
        string what)
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < numbers.Count; i++)
        {
            if (!seen.Add(numbers[i])) errors.Add($"{field}[{i}]", $"{what} {numbers[i]} is listed twice.");
            else if (!known.Contains(numbers[i])) errors.Add($"{field}[{i}]", $"There is no {what} {numbers[i]}.");
        }
    }

    private static void CheckBudget(Problems errors, ConceptNoteContent content, ConceptNoteRules rules)
    {
        if (content.Budget.Count > ConceptNoteContent.MaxBudgetShares)
        {
            errors.Add("budget", $"A note splits its budget among at most {ConceptNoteContent.MaxBudgetShares} organizations.");
            return;
        }

        var seen = new HashSet<string>();
        var sharesValid = true;
        for (var i = 0; i < content.Budget.Count; i++)
        {
            var (organization, amount) = content.Budget[i];
            if (!seen.Add(organization))
            {
                errors.Add($"budget[{i}].organization", $"{organization} is listed twice: participating organizations are distinct.");
                sharesValid = false;
            }
            else if (!rules.ActiveOrganizations.Contains(organization))
            {
                errors.Add($"budget[{i}].organization", $"'{organization}' is not an active participating UN organization.");
            }

            if (AmountProblem(amount) is { } problem)
            {
                errors.Add($"budget[{i}].amountUsd", problem);
                sharesValid = false;
            }
        }

        if (content.TotalRequestedUsd is not { } total) return;
        if (AmountProblem(total) is { } totalProblem) errors.Add("totalRequestedUsd", totalProblem);
        else if (total > rules.BudgetCeilingUsd)
            errors.Add("totalRequestedUsd", $"The total requested is above the fund's ceiling of {rules.BudgetCeilingUsd:N2} USD.");
        else if (sharesValid && content.Budget.Count > 0 && content.Budget.Sum(b => b.AmountUsd) != total)
            errors.Add("totalRequestedUsd",
                $"The total requested ({total:N2} USD) must equal the sum of the organizations' budgets ({content.Budget.Sum(b => b.AmountUsd):N2} USD).");
    }

    private static string? AmountProblem(decimal amount) =>
        amount <= 0 ? "An amount is above zero."
        : decimal.Round(amount, 2) != amount ? "An amount is in dollars and cents (at most 2 decimals)."
        : amount > ReferenceData.FundSettings.MaxBudgetCeilingUsd ? "The amount is beyond any budget the fund can hold."
        : null;

    private static void CheckDuration(Problems errors, ConceptNoteContent content, ConceptNoteRules rules)
    {
        if (content.DurationMonths is { } months && (months < rules.MinDurationMonths || months > rules.MaxDurationMonths))
            errors.Add("durationMonths",
                $"The duration is between {rules.MinDurationMonths} and {rules.MaxDurationMonths} months.");
    }

    private static void CheckPartners(Problems errors, ConceptNoteContent content)
    {
        if (content.Partners.Count > ConceptNoteContent.MaxPartners)
        {
            errors.Add("partners", $"List at most {ConceptNoteContent.MaxPartners} partners.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < content.Partners.Count; i++)
        {
            var partner = content.Partners[i];
            CheckText(errors, $"partners[{i}].name", partner.Name, ConceptNoteContent.PartnerNameMaxLength, required: true);
            if (!Enum.IsDefined(partner.Kind)) errors.Add($"partners[{i}].kind", "Unknown kind of partner.");
            if (!string.IsNullOrWhiteSpace(partner.Name) && !seen.Add(partner.Name.Trim()))
                errors.Add($"partners[{i}].name", $"'{partner.Name.Trim()}' is listed twice.");
        }
    }

    private static void CheckMarker(Problems errors, string field, int? score)
    {
        if (score is < 0 or > ConceptNoteContent.MaxMarker)
            errors.Add(field, $"A marker is scored on the UN scale from 0 to {ConceptNoteContent.MaxMarker}.");
    }

    private static void CheckContact(Problems errors, ContactDetails? contact)
    {
        if (contact is null) return;
        CheckText(errors, "contact.name", contact.Name, ConceptNoteContent.NameMaxLength, required: true);
        CheckText(errors, "contact.email", contact.Email, ConceptNoteContent.EmailMaxLength, required: true);
        if (!string.IsNullOrWhiteSpace(contact.Email) && !IsEmail(contact.Email.Trim()))
            errors.Add("contact.email", "This is not an email address.");
        CheckText(errors, "contact.phone", contact.Phone, ConceptNoteContent.PhoneMaxLength, required: false);
        CheckText(errors, "contact.position", contact.Position, ConceptNoteContent.NameMaxLength, required: false);
    }

    private static void CheckEndorsement(Problems errors, GovernmentEndorsement? endorsement, DateOnly today)
    {
        if (endorsement is null) return;
        CheckText(errors, "endorsement.endorsedBy", endorsement.EndorsedBy, ConceptNoteContent.NameMaxLength, required: true);
        CheckText(errors, "endorsement.position", endorsement.Position, ConceptNoteContent.NameMaxLength, required: false);
        if (endorsement.EndorsedOn > today)
            errors.Add("endorsement.endorsedOn", "An endorsement cannot be dated in the future.");
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    /// <summary>Errors collected per field, several per field when several rules are broken.</summary>
    private sealed class Problems
    {
        private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

        public Problems()
        {
        }

        public Problems(Dictionary<string, string[]> existing)
        {
            foreach (var (field, messages) in existing) _errors[field] = [.. messages];
        }

        public void Add(string field, string message)
        {
            if (!_errors.TryGetValue(field, out var messages)) _errors[field] = messages = [];
            if (!messages.Contains(message)) messages.Add(message);
        }

        public Dictionary<string, string[]> ToDictionary() =>
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }
}
