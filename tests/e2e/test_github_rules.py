"""slotlint's SARIF meets what GitHub code scanning requires beyond the schema
(github_sarif_rules.py), and that check does fail: logs broken in exactly one
way each give exactly one problem, which names the broken part."""
import copy
import functools
import json
import unittest

from github_sarif_rules import problems
from slotlint_run import require_environment, run


def sarif(*args):
    return json.loads(run("check", *args, "--format", "sarif").stdout)


@functools.cache
def fixtures_sarif():
    return sarif("fixtures/python")


class SlotlintMeetsGithubRules(unittest.TestCase):
    def setUp(self):
        require_environment(self)

    def assert_no_problems(self, log):
        self.assertEqual(problems(log), [])

    def test_fixtures(self):
        self.assert_no_problems(fixtures_sarif())

    def test_examples(self):
        self.assert_no_problems(sarif("examples"))

    def test_examples_with_a_category(self):
        log = sarif("examples", "--automation-id", "my/category/")
        self.assertEqual(log["runs"][0]["automationDetails"]["id"], "my/category/")
        self.assert_no_problems(log)


class TheCheckCanFail(unittest.TestCase):
    def setUp(self):
        require_environment(self)
        self.log = copy.deepcopy(fixtures_sarif())
        self.run_ = self.log["runs"][0]
        self.rule = self.run_["tool"]["driver"]["rules"][0]
        # One result with related locations, so that locations of both kinds are covered.
        self.result = next(r for r in self.run_["results"] if r.get("relatedLocations"))

    def assert_one_problem_naming(self, *names):
        found = problems(self.log)
        self.assertEqual(len(found), 1, found)
        for name in names:
            self.assertIn(name, found[0])

    def test_good_log_has_no_problems(self):
        self.assertEqual(problems(self.log), [])
        self.assertGreater(len(self.run_["results"]), 50)

    def test_result_without_partial_fingerprints(self):
        del self.result["partialFingerprints"]
        index = self.run_["results"].index(self.result)
        self.assert_one_problem_naming(f"results[{index}]", "partialFingerprints")

    def test_rule_without_help_markdown(self):
        del self.rule["help"]["markdown"]
        self.assert_one_problem_naming("rules[0]", "help.markdown")

    def test_absolute_path_uri(self):
        location = self.result["locations"][0]["physicalLocation"]["artifactLocation"]
        location["uri"] = "/work/main/" + location["uri"]
        self.assert_one_problem_naming("locations[0]", "artifactLocation.uri", "not relative")

    def test_absolute_file_uri_in_a_related_location(self):
        location = self.result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]
        location["uri"] = "file:///work/main/" + location["uri"]
        self.assert_one_problem_naming("relatedLocations[0]", "artifactLocation.uri", "not relative")

    def test_no_original_uri_base_ids(self):
        del self.run_["originalUriBaseIds"]
        self.assert_one_problem_naming("originalUriBaseIds", "%SRCROOT%")

    def test_unknown_precision(self):
        self.rule["properties"]["precision"] = "great"
        self.assert_one_problem_naming("properties.precision", "'great'")

    def test_rule_index_pointing_at_another_rule(self):
        other = copy.deepcopy(self.rule)
        other["id"] = "SL999"
        rules = self.run_["tool"]["driver"]["rules"]
        rules.append(other)
        self.result["ruleIndex"] = len(rules) - 1
        self.assert_one_problem_naming(f"ruleIndex {len(rules) - 1}", "'SL999'", f"'{self.result['ruleId']}'")

    def test_automation_id_without_category(self):
        self.run_["automationDetails"] = {"id": "slotlint"}
        self.assert_one_problem_naming("automationDetails.id", "no '/'")

    def test_too_many_results_for_github_to_keep(self):
        results = self.run_["results"]
        self.run_["results"] = [results[i % len(results)] for i in range(5_001)]
        self.assert_one_problem_naming("5001 results", "keeps only 5000")


if __name__ == "__main__":
    unittest.main()
