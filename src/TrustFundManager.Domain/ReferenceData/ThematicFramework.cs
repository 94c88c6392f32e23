using TrustFundManager.Domain.Common;

namespace TrustFundManager.Domain.ReferenceData;

/// <summary>
/// The thematic areas and the GCM objectives they group. Its rule: every objective belongs to exactly one
/// area, and every area groups at least one objective. Every change of the mapping goes through here.
/// </summary>
public sealed class ThematicFramework
{
    private readonly IReadOnlyDictionary<int, ThematicArea> _areas;
    private readonly IReadOnlyDictionary<int, GcmObjective> _objectives;

    public ThematicFramework(IEnumerable<ThematicArea> areas, IEnumerable<GcmObjective> objectives)
    {
        _areas = areas.ToDictionary(a => a.Number);
        _objectives = objectives.ToDictionary(o => o.Number);
    }

    /// <summary>Replaces the whole mapping: <paramref name="mapping"/> lists every area with its objectives.</summary>
    public void Remap(IReadOnlyList<(int AreaNumber, IReadOnlyCollection<int> ObjectiveNumbers)> mapping)
    {
        var errors = FindMappingProblems(mapping);
        if (errors.Count > 0) throw new InvalidChangeException(errors);

        foreach (var (areaNumber, objectiveNumbers) in mapping)
        foreach (var objectiveNumber in objectiveNumbers)
            Move(_objectives[objectiveNumber], areaNumber);
    }

    /// <summary>Moves one objective to another area; the area it leaves must keep at least one objective.</summary>
    public void MoveObjective(int objectiveNumber, int toAreaNumber)
    {
        if (!_objectives.TryGetValue(objectiveNumber, out var objective))
            throw new InvalidChangeException("number", $"There is no GCM objective {objectiveNumber}.");
        if (!_areas.ContainsKey(toAreaNumber))
            throw new InvalidChangeException("thematicAreaNumber", $"There is no thematic area {toAreaNumber}.");
        if (objective.ThematicAreaNumber == toAreaNumber) return;

        var leftBehind = _objectives.Values.Count(o => o.ThematicAreaNumber == objective.ThematicAreaNumber) - 1;
        if (leftBehind == 0)
            throw new InvalidChangeException("thematicAreaNumber",
                $"Objective {objectiveNumber} is the last objective of area {objective.ThematicAreaNumber}; an area must group at least one objective.");

        Move(objective, toAreaNumber);
    }

    private void Move(GcmObjective objective, int toAreaNumber)
    {
        if (objective.ThematicAreaNumber == toAreaNumber) return;
        _areas[objective.ThematicAreaNumber].MembershipChanged();
        _areas[toAreaNumber].MembershipChanged();
        objective.MoveTo(toAreaNumber);
    }

    private Dictionary<string, string[]> FindMappingProblems(
        IReadOnlyList<(int AreaNumber, IReadOnlyCollection<int> ObjectiveNumbers)> mapping)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string error)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(error);
        }

        var areasOfObjective = new Dictionary<int, List<int>>();
        for (var i = 0; i < mapping.Count; i++)
        {
            var (areaNumber, objectiveNumbers) = mapping[i];
            if (!_areas.ContainsKey(areaNumber)) Add($"areas[{i}].number", $"There is no thematic area {areaNumber}.");
            if (mapping.Take(i).Any(m => m.AreaNumber == areaNumber))
                Add($"areas[{i}].number", $"Area {areaNumber} is listed more than once.");
            if (objectiveNumbers.Count == 0)
                Add($"areas[{i}].objectiveNumbers", $"Area {areaNumber} must group at least one objective.");

            foreach (var objectiveNumber in objectiveNumbers)
            {
                if (!_objectives.ContainsKey(objectiveNumber))
                {
                    Add($"areas[{i}].objectiveNumbers", $"There is no GCM objective {objectiveNumber}.");
                    continue;
                }
                if (!areasOfObjective.TryGetValue(objectiveNumber, out var areas))
                    areasOfObjective[objectiveNumber] = areas = [];
                areas.Add(areaNumber);
            }
        }

        foreach (var area in _areas.Keys.Where(n => mapping.All(m => m.AreaNumber != n)).Order())
            Add("areas", $"Area {area} is missing: the mapping must list every thematic area.");
        foreach (var objective in _objectives.Keys.Order())
        {
            if (!areasOfObjective.TryGetValue(objective, out var areas))
                Add("areas", $"Objective {objective} would belong to no thematic area.");
            else if (areas.Count > 1)
                Add("areas", $"Objective {objective} would belong to {areas.Count} areas ({string.Join(", ", areas)}); it must belong to exactly one.");
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.Distinct().ToArray());
    }
}
