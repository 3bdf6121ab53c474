"""What GitHub code scanning requires of a SARIF log, or relies on, beyond the
SARIF 2.1.0 schema. problems(log) lists every way a log falls short, each as a
sentence that names the broken part, so a test failure says what to fix.

Encoded from GitHub Docs, "SARIF support for code scanning": the supported
properties (required ones may not be empty strings), the runAutomationDetails
object, and the limits table under "Validating your SARIF file".
"""
from urllib.parse import urlparse

# The limits table. A pair is (most GitHub accepts, most it keeps): above the
# first the upload is rejected; above the second the rest is dropped without
# an error in the workflow, so both count as problems here.
RUNS_PER_FILE = (20, None)
RESULTS_PER_RUN = (25_000, 5_000)  # the top 5,000 kept, "prioritized by severity"
RULES_PER_RUN = (25_000, None)
EXTENSIONS_PER_RUN = (100, None)
THREAD_FLOW_LOCATIONS_PER_RESULT = (10_000, 1_000)
# "Location per result". The page does not say whether relatedLocations count,
# so locations and relatedLocations are counted together: safe either way.
LOCATIONS_PER_RESULT = (1_000, 100)
TAGS_PER_RULE = (20, 10)
# The result table: `locations[]` holds "up to a maximum of 10".
PRIMARY_LOCATIONS_PER_RESULT = 10
# The reportingDescriptor table: name up to 255 characters, descriptions 1024.
RULE_NAME_LENGTH = 255
DESCRIPTION_LENGTH = 1024

PRECISIONS = {"very-high", "high", "medium", "low"}
PROBLEM_SEVERITIES = {"error", "warning", "recommendation"}
RULE_LEVELS = {"note", "warning", "error"}  # defaultConfiguration.level
RESULT_LEVELS = {"none", "note", "warning", "error"}  # SARIF's result levels
SOURCE_ROOT = "%SRCROOT%"


def dig(value, *keys):
    """value[k1][k2]..., or None when any step is missing or not an object."""
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def filled(value):
    return isinstance(value, str) and value != ""


def over_limit(where, what, count, limit):
    rejected_above, kept = limit
    if count > rejected_above:
        return [f"{where}: {count} {what}; GitHub code scanning rejects more than {rejected_above}"]
    if kept is not None and count > kept:
        return [f"{where}: {count} {what}; GitHub code scanning keeps only {kept}, the rest are dropped"]
    return []


def problems(log):
    if not isinstance(log, dict):
        return ["the log is not a JSON object"]
    found = []
    if log.get("version") != "2.1.0":
        found.append(f"version is {log.get('version')!r}, GitHub code scanning reads only '2.1.0'")
    runs = log.get("runs")
    if not isinstance(runs, list) or not runs:
        return found + ["runs is missing or empty"]
    found += over_limit("runs", "runs", len(runs), RUNS_PER_FILE)
    for index, run in enumerate(runs):
        found += run_problems(run, f"runs[{index}]")
    return found


def run_problems(run, where):
    if not isinstance(run, dict):
        return [f"{where} is not an object"]
    found = []
    driver = dig(run, "tool", "driver")
    if not filled(dig(driver, "name")):
        found.append(f"{where}.tool.driver.name is missing or empty")
    rules = dig(driver, "rules")
    if not isinstance(rules, list) or not rules:
        found.append(f"{where}.tool.driver.rules is missing or empty")
        rules = []
    found += over_limit(where, "rules", len(rules), RULES_PER_RUN)
    found += over_limit(where, "tool extensions", len(dig(run, "tool", "extensions") or []),
                        EXTENSIONS_PER_RUN)
    seen_ids = set()
    for index, rule in enumerate(rules):
        rule_id = dig(rule, "id")
        found += rule_problems(rule, f"{where}.tool.driver.rules[{index}] ({rule_id})")
        if filled(rule_id):
            if rule_id in seen_ids:
                found.append(f"{where}.tool.driver.rules[{index}]: id {rule_id!r} is not unique")
            seen_ids.add(rule_id)

    root = dig(run, "originalUriBaseIds", SOURCE_ROOT, "uri")
    if "originalUriBaseIds" not in run:
        found.append(f"{where}.originalUriBaseIds is missing, so {SOURCE_ROOT} is not defined")
    elif not is_absolute_folder_uri(root):
        found.append(f"{where}.originalUriBaseIds.{SOURCE_ROOT}.uri is {root!r}, "
                     "not an absolute file: URI ending in '/'")
    found += automation_problems(run, where)

    results = run.get("results")
    if not isinstance(results, list):
        return found + [f"{where}.results is missing"]
    found += over_limit(where, "results", len(results), RESULTS_PER_RUN)
    for index, result in enumerate(results):
        found += result_problems(result, rules, f"{where}.results[{index}] ({dig(result, 'ruleId')})")
    return found


def rule_problems(rule, where):
    if not isinstance(rule, dict):
        return [f"{where} is not an object"]
    found = []
    for path in (("id",), ("name",), ("shortDescription", "text"), ("fullDescription", "text"),
                 ("help", "text"), ("help", "markdown"), ("helpUri",)):
        if not filled(dig(rule, *path)):
            found.append(f"{where}: {'.'.join(path)} is missing or empty")
    if len(dig(rule, "name") or "") > RULE_NAME_LENGTH:
        found.append(f"{where}: name is longer than {RULE_NAME_LENGTH} characters")
    for part in ("shortDescription", "fullDescription"):
        if len(dig(rule, part, "text") or "") > DESCRIPTION_LENGTH:
            found.append(f"{where}: {part}.text is longer than {DESCRIPTION_LENGTH} characters")
    level = dig(rule, "defaultConfiguration", "level")
    if level not in RULE_LEVELS:
        found.append(f"{where}: defaultConfiguration.level is {level!r}, not one of {sorted(RULE_LEVELS)}")
    tags = dig(rule, "properties", "tags")
    if not isinstance(tags, list) or not all(filled(tag) for tag in tags):
        found.append(f"{where}: properties.tags is not a list of strings")
    else:
        found += over_limit(where, "properties.tags", len(tags), TAGS_PER_RULE)
    precision = dig(rule, "properties", "precision")
    if precision not in PRECISIONS:
        found.append(f"{where}: properties.precision is {precision!r}, not one of {sorted(PRECISIONS)}")
    severity = dig(rule, "properties", "problem.severity")
    if severity not in PROBLEM_SEVERITIES:
        found.append(f"{where}: properties.problem.severity is {severity!r}, "
                     f"not one of {sorted(PROBLEM_SEVERITIES)}")
    return found


def automation_problems(run, where):
    # SARIF names the run's property automationDetails (runAutomationDetails is
    # its type); upload-sarif reads and writes automationDetails.id.
    if "runAutomationDetails" in run:
        return [f"{where}.runAutomationDetails: the SARIF property is automationDetails, "
                "the one upload-sarif reads the category from"]
    if "automationDetails" not in run:
        return []
    automation_id = dig(run, "automationDetails", "id")
    if not filled(automation_id):
        return [f"{where}.automationDetails.id is missing or empty"]
    # GitHub reads the id as "category/run-id": the category is everything
    # before the last '/'. Without a '/', the whole id is a run id and the run
    # has no category; "slotlint/" is the category "slotlint" with no run id.
    if "/" not in automation_id:
        return [f"{where}.automationDetails.id {automation_id!r} has no '/': GitHub reads it as a "
                "run id with no category (end it with '/' to make it the category)"]
    category = automation_id.rpartition("/")[0]
    if not category:
        return [f"{where}.automationDetails.id {automation_id!r} has an empty category before its last '/'"]
    return []


def result_problems(result, rules, where):
    if not isinstance(result, dict):
        return [f"{where} is not an object"]
    found = []
    rule_id = result.get("ruleId")
    rule_ids = [dig(rule, "id") for rule in rules]
    if not filled(rule_id):
        found.append(f"{where}: ruleId is missing or empty")
    elif rule_id not in rule_ids:
        found.append(f"{where}: ruleId {rule_id!r} names no rule in tool.driver.rules")
    if "ruleIndex" in result:
        index = result["ruleIndex"]
        if not isinstance(index, int) or not 0 <= index < len(rules):
            found.append(f"{where}: ruleIndex {index!r} is out of range of tool.driver.rules")
        elif rule_ids[index] != rule_id:
            found.append(f"{where}: ruleIndex {index} points at rule {rule_ids[index]!r}, not {rule_id!r}")
    if result.get("level") not in RESULT_LEVELS:
        found.append(f"{where}: level is {result.get('level')!r}, not one of {sorted(RESULT_LEVELS)}")
    if not filled(dig(result, "message", "text")):
        found.append(f"{where}: message.text is missing or empty")

    locations = result.get("locations")
    if not isinstance(locations, list) or not locations:
        found.append(f"{where}: locations is missing or empty; GitHub shows no result without one")
        locations = []
    elif len(locations) > PRIMARY_LOCATIONS_PER_RESULT:
        found.append(f"{where}: {len(locations)} locations; GitHub takes at most "
                     f"{PRIMARY_LOCATIONS_PER_RESULT} (and uses only the first)")
    related = result.get("relatedLocations") or []
    for kind, group in (("locations", locations), ("relatedLocations", related)):
        for index, location in enumerate(group):
            found += physical_location_problems(dig(location, "physicalLocation"),
                                                f"{where}: {kind}[{index}].physicalLocation")
    found += over_limit(where, "locations and relatedLocations", len(locations) + len(related),
                        LOCATIONS_PER_RESULT)
    thread_flow_locations = sum(len(dig(flow, "locations") or [])
                                for code_flow in result.get("codeFlows") or []
                                for flow in dig(code_flow, "threadFlows") or [])
    found += over_limit(where, "thread flow locations", thread_flow_locations,
                        THREAD_FLOW_LOCATIONS_PER_RESULT)

    fingerprints = result.get("partialFingerprints")
    if not isinstance(fingerprints, dict) or not any(filled(v) for v in fingerprints.values()):
        found.append(f"{where}: partialFingerprints is missing or has no non-empty value")
    return found


def physical_location_problems(location, where):
    if not isinstance(location, dict):
        return [f"{where} is missing"]
    found = []
    uri = dig(location, "artifactLocation", "uri")
    if not filled(uri):
        found.append(f"{where}.artifactLocation.uri is missing or empty")
    elif urlparse(uri).scheme or uri.startswith("/"):
        found.append(f"{where}.artifactLocation.uri {uri!r} is not relative to the repository root")
    base = dig(location, "artifactLocation", "uriBaseId")
    if base != SOURCE_ROOT:
        found.append(f"{where}.artifactLocation.uriBaseId is {base!r}, not {SOURCE_ROOT!r}")
    start_line = dig(location, "region", "startLine")
    if not isinstance(start_line, int) or start_line < 1:
        found.append(f"{where}.region.startLine is {start_line!r}, not a line number from 1")
    return found


def is_absolute_folder_uri(uri):
    return filled(uri) and uri.startswith("file:///") and uri.endswith("/")
