"""Whether a figure is all of what it counts: a running or overall total ("so far", "in all", "since the offensive
began"), a part of a whole its sentence gives ("including 5 children", "the last 11 hostages"), the whole a part is
counted from, or a conversion of the figure before it ("20 kilometres (12.5 miles)"). Facts and the agree rule keep
figures of different scopes apart."""

from __future__ import annotations

import re

from ..lexicon import NUMBER_WORDS, WEEKDAYS
from .phrases import country_names
from .sources import CONTRAST_CLAUSE

_TOTAL_CUES = re.compile(r"\b(?:so far|to date|in total|in all|altogether|overall|a total of|total of|cumulative|"
                         r"(?:in|over|during)\s+(?:the\s+same|that|this)\s+period|"
                         r"a combined|this (?:year|season|winter|summer|spring|autumn|decade)|"
                         r"last year|the year before|the previous year|"
                         r"until now|up to now|by now|(?:bringing|raising|taking|pushing)\s+(?:the|its|their)\s+"
                         r"(?:[\w-]+\s+)?total\s+to|"  # "29 were arrested overnight, bringing the total to 80"
                         r"since (?:the|it|they|then|its|last|early|late|mid|january|"
                         r"february|march|april|may|june|july|august|september|october|november|december|\d))\b", re.I)
#: a typical figure, not one incident's: "an average of six children die on school buses each year" (only before it:
#: "scored 23 points, an average of 5.8 a game" leaves the 23 a game's)
_AN_AVERAGE_OF = re.compile(r"\b(?:an|the)\s+average\s+of\s*$", re.I)
#: a running total's cue right after what it counts: "captured 104 pirates since January", "killed 170 people in
#: Vietnam so far"
_TOTAL_AFTER_NOUN = re.compile(r"^\s+(?:[a-z][\w-]*\s+){1,3}" + _TOTAL_CUES.pattern, re.I)
#: words right before a part: "including 5 children", "of whom 12 were children" (not "among the 58 people killed":
#: that figure is all of them, the toll itself)
_PART_BEFORE = re.compile(r"\b(?:including|includes|included|include|of (?:whom|them|which)|among (?:them|whom)|"
                          r"all but)\s*$", re.I)
#: the worth of what was got back, some of what was taken: "recovered 22 pieces of the stolen jewellery, worth about
#: 4 million euros", "14 items had now been recovered, including two watches, worth around £600,000"
_RECOVERED_WORTH = re.compile(r"\b(?:recovered|retrieved|returned|got\s+back)\b[^.;:!?]{0,100}?\b(?:worth|valued\s+at)"
                              r"\s+(?:about\s+|around\s+|some\s+|roughly\s+|an\s+estimated\s+|nearly\s+)?$", re.I)
#: the rest of a whole: "the last 11 hostages", "the remaining 40 passengers"
_THE_REST = re.compile(r"\bthe\s+(?:last|remaining)\s*$", re.I)
#: a region's share of a country's whole: "The region's 1.02 million registered voters"
_A_REGIONS = re.compile(r"\b(?:the|this|that)\s+(?:region|province|district|county|state|municipality)['’]s\s+$", re.I)
#: ... and "the four remaining candidates"
_REMAINING_AFTER = re.compile(r"\s+remaining\b", re.I)
_PART_AFTER = re.compile(r"\s+of\s+(?:them|whom)\b", re.I)
#: the rest of a gang told after some of it: "Two robbers posing as old ladies tricked their way in before their
#: three accomplices stormed in"
_THEIR_ACCOMPLICES = re.compile(r"\b(?:before|as|while|and)\s+(?:their|his)\s+(?:[\w-]+\s+){0,2}?accomplices\b", re.I)
#: what stands before "N of them" that makes it a part of a whole the sentence gave before: "four men, two of them
#: dressed as women", "We received 44 wounded ..., and seven of them died"
_BEFORE_PART_OF_THEM = re.compile(r"(?:,|\band)\s*$", re.I)
#: a figure told as a share of a total its clause gives next: "118 arrests in the city, the ministry said, out of a
#: national total of more than 300"
_OUT_OF_A_TOTAL = re.compile(r"^[^.;:!?\d]{0,80}?\bout\s+of\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}?total\s+of\b", re.I)
#: the words that tell a part inside the whole before it ("killed 41, including nine children", "39 on Tuesday,
#: among them 12 women"), and a hedge the part may have ("among them at least 12 women")
PART_CUES = r"including|among\s+them|among\s+whom|of\s+whom"
HEDGE = r"(?:at\s+least\s+|about\s+|some\s+|nearly\s+|more\s+than\s+)?"
#: "Among the dead were nine women", "among those killed in the blast were two policemen": some of those counted
_AMONG_THE = re.compile(r"\bamong\s+(?:the|those)\s+[^,;.\d]{2,40}?\s+(?:were|are|was|is)(?:\s+also)?\s*$", re.I)
#: "Twelve residents of Port Ellery were among those killed", "Five children, including three from one family, were
#: among the dead": some of all the dead, told after the figure
_AMONG_AFTER = re.compile(r"^\s+(?:[\w'’-]+\s+){0,4}?(?:[\w'’-]+\s*,[^,.;]{1,60},\s*)?(?:were|are|was|is)(?:\s+also)?"
                          r"\s+among\s+(?:the|those)\b", re.I)
#: "The department of Yoro has been hardest hit, with 21 deaths": the worst-hit place's share of all the dead
_HARDEST_HIT = re.compile(r"\b(?:hardest|worst|most\s+badly|most\s+severely)[\s-]+(?:hit|affected|stricken)\b"
                          r"[^.;:]*$", re.I)
#: "Israel says 56 people on its side have died": one side's dead, a part of all the dead
_ONE_SIDE = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?on\s+(?:its|their|our|his|her|the\s+[\w-]+)\s+side\b", re.I)
#: "three of the dead were crushed in the hotel": some of the dead, hurt or victims the page counts in all; "4.2
#: billion yen of the stolen assets": some of a sum
_PART_OF_THE = re.compile(r"\s+of\s+(?:(?:the|those)\s+(?:(?:most|more|least|badly|seriously|critically|severely|"
                          r"gravely)\s+){0,2}(?:dead|injured|wounded|hurt|victims|casualties|killed|bodies|"
                          r"missing|fatalities|deaths|arrested|detained|stolen|funds|money|assets|sum|amount|haul|"
                          r"loot|total|escaped|escapees|freed|released|rescued|evacuated|displaced|hostages|inmates|"
                          r"prisoners|passengers|survivors|suspects)|which|whom)\b", re.I)
# ("nearly 235,000 comments, at least 208,000 of which"; "112 of the escaped inmates had been recaptured")
#: "said Hawa Abdallah, whose two children were killed": someone's own, some of all the dead
_WHOSE = re.compile(r"\bwhose\s+$", re.I)
#: "Three of the nine dead were children": some of a toll the sentence gives, told as who they were (not "two of the
#: three victims died": what befell the two)
_PART_OF_THE_TOLL = re.compile(r"\s+of\s+(?:the|those)\s+[\w,-]+\s+(?:dead|victims|killed|injured|wounded|casualties)"
                               r"\s+(?:were|was)\s+(?!(?:killed|dead|injured|wounded|hurt)\b)", re.I)
#: "thirteen people were seriously injured", "critically wounding three": only the worst (or least) hurt of all
_SEVERITY = r"(?:seriously|critically|severely|badly|gravely|slightly|lightly|moderately|mildly|fatally)"
_HURT = r"(?:injured|injuring|wounded|wounding|hurt|burned|burnt)"
_SEVERITY_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:(?:were|was|are|is|have been|had been|been)\s+)?"
                             + _SEVERITY + r"\s+" + _HURT + r"\b", re.I)
_SEVERITY_BEFORE = re.compile(r"\b" + _SEVERITY + r"\s+" + _HURT + r"\s*$", re.I)
#: "Six hurt, two critically": the worst hurt told after a toll with the word for their hurt left out
_SEVERITY_ALONE = re.compile(r"^\s+(?:of\s+them\s+)?" + _SEVERITY + r"(?=\s*(?:[,;.)]|$|\s+(?:in|at|after|when)\b))",
                             re.I)
#: "three workers died in hospital overnight", "two later died of their injuries": deaths added to a toll, not the toll
_DIED_SINCE = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:(?:have|has|had)\s+)?"
                         r"(?:(?:later|since|subsequently)\s+(?:died|succumbed)\b"
                         r"|(?:died|succumbed)\s+(?:later\b|overnight\b|since\b|in\s+(?:the\s+)?hospital\b|"
                         r"(?:of|from|to)\s+(?:their|his|her)\s+(?:injuries|wounds|burns)\b))", re.I)
#: what one hospital took in of a toll: "the hospital in Abs received 34 wounded and 26 bodies", "19 dead on arrival"
_INTAKE_BEFORE = re.compile(r"\b(?:hospitals?|clinics?|morgues?|infirmary|medical\s+(?:centre|center|facility))\b"
                            r"[^.;]{0,60}?\b(?:received|admitted|treated|took\s+in|has\s+taken\s+in)\s+"
                            r"(?:(?!(?:after|when|as|killed|died|dead)\b)[\w,-]+\s+){0,4}?$", re.I)
_INTAKE_AFTER = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:(?:were|was)\s+)?(?:pronounced\s+)?dead\s+on\s+arrival\b", re.I)
#: a figure of each of many things: "Each of the 110 bales weighed about 29 kilograms" (not the 110 of "Each of the
#: 110 bales"), "bales weighing 29 kilograms each", "sold for $5 apiece"
_EACH_BEFORE = re.compile(r"^\s*Each\b(?!\s+of\s+(?:the|these|those|its|their|his|her)\s*$)", re.I)
_EACH_AFTER = re.compile(r"^\s*,?\s*(?:each|apiece)\b", re.I)
#: the size of each of several groups: "groups of up to 100 youths", "crowds of several hundred" (not "a crowd of")
_GROUPS_OF = re.compile(r"\b(?:groups|gangs|bands|crowds|teams|waves|squads|units|batches|convoys)\s+of\s*$", re.I)
#: "two of the three victims died": the three are the whole a part is counted from, not what died
#: a figure in digits or in words
_A_FIGURE = r"(?:\b\d[\d,.]*|\b(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"))"
_WHOLE_BEFORE = re.compile(_A_FIGURE + r"\s+of\s+(?:the|those|these|its|their|his|her)\s*$", re.I)
#: the whole a part told before it is of: "Two seamen were wounded among the 25 crew", "three of whom died among
#: the 40 passengers"
_AMONG_A_WHOLE = re.compile(_A_FIGURE + r"\s+[^,;.\d]{2,60}?\s+among\s+(?:the|its|their|his|her)\s*$", re.I)
#: what makes the whole of "among the 58 people killed" a toll itself, not a crew or a class
_TOLL_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}?"
                         r"(?:killed|dead|died|injured|wounded|hurt|missing|arrested|detained)\b", re.I)
#: a toll that counts its attacker: "Nine people, including the gunman, are dead" is the whole the gunman's victims
#: are a part of
_WITH_ATTACKER = re.compile(r"^\s*(?:[\w-]+\s*,?\s*){0,3}?(?:including|counting|plus)\s+(?:the\s+|a\s+|one\s+)?"
                            r"(?:(?:suicide|lone|suspected)\s+)?(?:gunm[ae]n|shooters?|attackers?|bombers?|assailants?|"
                            r"suspects?|perpetrators?|killers?|hijackers?)\b", re.I)


#: a figure restated in brackets right after another: "20 kilometres (12.5 miles)"
_CONVERSION = re.compile(r"\d[^\d();.]{0,25}\(\s*(?:about\s+|around\s+|some\s+|roughly\s+|approx\.?\s+)?$", re.I)
#: "some 7.6 tonnes or about 8,400 pounds": a unit's word between the figure and "or"; not a choice ("either 516MB
#: or 1GB")
_CONVERSION_OR = re.compile(r"\d[\d,.]*\s*(?:[a-z]+\s*){1,2},?\s+or\s+(?:nearly\s+|almost\s+|about\s+|around\s+|"
                            r"some\s+|roughly\s+)?$", re.I)
_EITHER = re.compile(r"\b(?:either|between|choice)\b[^.;]*$", re.I)


def scope_of(sentence_before: str, sentence_after: str, of_time: bool = False, physical: bool = False) -> str | None:
    """"conversion" for a figure that restates the one before it in other units ("20 kilometres (12.5 miles)"),
    "part" for a figure that is a part of another the sentence gives ("including 5 children", "among them 3
    officers"), "whole" for the whole a part of it is counted from (the three of "two of the three victims
    died"; the nine of "nine people, including the gunman, are dead"), "total" for a running or overall figure ("so
    far", "in all", "since the offensive began", "between 2008 and 2015", "every year"; not for a span of time,
    ``of_time``: "a period of seven years" between two years is their span). In "two of the three victims died" the
    two is what died, not a part: it is left as it is. A physical quantity (``physical``) is restated after "or" too
    ("7.6 tonnes or about 16,800 pounds"); money is not ("$13.9 billion, or $25 a share")."""
    if _CONVERSION.search(sentence_before[-40:]) or (physical and _CONVERSION_OR.search(sentence_before[-40:])
                                                     and not _EITHER.search(sentence_before[-60:])):
        return "conversion"
    if not of_time and (_THE_REST.search(sentence_before[-20:]) or _REMAINING_AFTER.match(sentence_after[:12])
                        or _A_REGIONS.search(sentence_before[-30:])):
        return "part"  # "freeing the last 11 hostages": the rest of those held, after six were freed
    if (_PART_BEFORE.search(sentence_before[-30:]) or _AMONG_THE.search(sentence_before[-60:])
            or _RECOVERED_WORTH.search(sentence_before[-140:])
            or (_PART_AFTER.match(sentence_after[:12]) and _BEFORE_PART_OF_THEM.search(sentence_before[-6:]))
            or _AMONG_AFTER.match(sentence_after[:70]) or _OUT_OF_A_TOTAL.match(sentence_after)
            or _THEIR_ACCOMPLICES.search(sentence_after[:160])):
        return "part"  # "including 5 children"; "four men, two of them dressed as women"
    if (_EACH_BEFORE.match(sentence_before) or _EACH_AFTER.match(sentence_after[:12])
            or _GROUPS_OF.search(sentence_before[-20:])):
        return "part"  # "Each of the 110 bales weighed about 29 kilograms", "groups of 100": one of many, not all
    if (_PART_OF_THE.match(sentence_after[:45]) or _WHOSE.search(sentence_before[-10:])
            or _PART_OF_THE_TOLL.match(sentence_after[:50])
            or worst_hurt(sentence_before, sentence_after)
            or _ONE_SIDE.match(sentence_after[:40]) or _HARDEST_HIT.search(sentence_before)
            or _DIED_SINCE.match(sentence_after[:60])
            or _INTAKE_BEFORE.search(sentence_before[-140:]) or _INTAKE_AFTER.match(sentence_after[:40])):
        return "part"  # "three of the dead were crushed", "13 seriously injured", a hospital's intake: some of the toll
    if (_WHOLE_BEFORE.search(sentence_before[-30:]) or _WITH_ATTACKER.match(sentence_after[:60])
            or (_AMONG_A_WHOLE.search(sentence_before[-80:]) and not _TOLL_AFTER.match(sentence_after[:40]))):
        return "whole"
    if (_TOTAL_CUES.search(sentence_before[-25:]) or _TOTAL_CUES.match(sentence_after[:25].lstrip(" ,"))
            or _AN_AVERAGE_OF.search(sentence_before[-20:])
            or _TOTAL_AFTER_NOUN.match(sentence_after[:40])):
        return "total"  # the cue sits right beside its figure: "a total of 62", "45 so far", "104 pirates since January"
    if (_TOTAL_OPENER.match(sentence_before) or _SINCE_BEGAN.search(_clause(sentence_after))
            or _SINCE_A_DAY.match(_clause(sentence_after))
            or _OVER_DAYS.search(_clause(sentence_after))
            or _OVER_NIGHTS_AND_THAT.search(_clause_before(sentence_before))
            or (not of_time and (_OVER_YEARS.search(sentence_before) or _OVER_YEARS.search(_clause(sentence_after))
                                 or _EVERY_PERIOD.match(sentence_after)))
            or _IN_INCIDENTS.match(sentence_after) or _IN_SEVERAL_PLACES.match(_clause(sentence_after))
            or ((across := _ACROSS_A_PLACE.match(_clause(sentence_after)))
                and (across["place"] in ("country", "nation") or across["place"] in country_names()))
            or _IN_A_YEAR.search(_clause(sentence_after)) or _IN_THE_WAR.search(_clause(sentence_after)[:60])
            or _BY_THE_HOUR.match(sentence_after) or _A_WARS_TOLL.search(sentence_before[-80:])
            or _INCIDENTS_ACROSS.search(sentence_before[-80:]) or _A_CAMPAIGNS_TALLY.search(sentence_before[-120:])
            or _DAYS_IN_WHICH.search(sentence_before[-120:])
            or _NATIONWIDE.search(sentence_before[-80:]) or _NATIONWIDE_AFTER.match(_clause(sentence_after))):
        return "total"  # "Since the campaign began, strikes have killed 8,000"; "killed 8,000 since the war began"
    return None


def worst_hurt(sentence_before: str, sentence_after: str) -> bool:
    """Whether a figure counts only the worst (or least) hurt of all ("13 seriously injured", "critically wounding
    three", "Six hurt, two critically", "two of them were seriously hurt"): a part of the hurt, and not the same part
    as any other ("five of the injured were contract workers")."""
    return bool(_SEVERITY_AFTER.match(sentence_after[:50]) or _SEVERITY_ALONE.match(sentence_after[:40])
                or _SEVERITY_BEFORE.search(sentence_before[-30:]))


#: a country's toll of many incidents, not one incident's: "the nationwide monsoon toll at 141 dead and 53 missing",
#: "Nationwide, the monsoon has killed 190", "killed 190 people this year" (not a nationwide strike's crowd; a storm's
#: toll "across the country" is one storm's)
#: a happening whose toll a sentence opening on "Nationwide," tells: "Nationwide, the storm killed 27" is one storm's
_ONE_HAPPENING = (r"(?:storm|typhoon|hurricane|cyclone|quake|earthquake|tremor|blast|explosion|attack|bombing|crash|"
                  r"fire|landslide)\b")
_NATIONWIDE = re.compile(r"(?:\b(?:nationwide|countrywide|national|(?:season|year|monsoon)['’]s)\s+(?:[\w-]+\s+)?"
                         r"(?:toll|total|tally|count)\b|"
                         r"^\s*(?:nationwide|countrywide|across\s+the\s+country),(?!\s*the\s+" + _ONE_HAPPENING + r"))"
                         r"[^.;:]{0,60}$", re.I)
_NATIONWIDE_AFTER = re.compile(r"^\s+(?:[a-z][\w-]*\s+){0,3}(?:so\s+far\s+)?this\s+(?:year|season|monsoon)\b", re.I)
#: a sentence that opens on a running total's cue: "Since the campaign began, ...", "So far, ..."
_CLOCK = r"(?:by|as\s+of)\s+(?:\d{1,2}(?::\d\d|\.\d\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?|o'clock|GMT|local time)|noon|midday|mid-?afternoon)"
_TOTAL_OPENER = re.compile(r"\s*(?:since\s[^,;.]{1,60}|across\s[^,;.]{1,40}|so far|to date|in total|in all|altogether|"
                           r"in\s+(?:the\s+whole|all)\s+of\s+(?:19|20)\d\d|"
                           + _CLOCK + r"|"
                           r"(?:this|last|over\s+the\s+(?:past|last)|in\s+the\s+(?:past|last))\s+(?:[\w-]+\s+)?"
                           r"(?:week|weekend|month|year|decade)s?(?:\s+alone)?)\s*,", re.I)  # "This month alone, ..."
#: the toll of incidents across a region, told as their subject: "The raids across the north killed at least 38"
_INCIDENTS_ACROSS = re.compile(r"\b(?:raids|strikes|airstrikes|attacks|bombings|blasts|explosions|clashes)\s+across\s+"
                               r"[^,;.\d]{1,40}?\s+(?:have\s+|has\s+|had\s+)?(?:killed|left)\s+(?:at\s+least\s+|"
                               r"more\s+than\s+|some\s+|about\s+|nearly\s+|over\s+)?$", re.I)
#: the toll of several places together: "storms that killed ten people in the two countries", "across three states",
#: "marched through Paris and 244 towns"
_IN_SEVERAL_PLACES = re.compile(r"^\s+(?:[\w-]+\s+){0,3}?(?:(?:in|across|through)\s+(?:the\s+|all\s+)?"
                                r"(?:[\w-]+\s+(?:and\s+)?)?(?:two|three|four|five|six|both|several|dozens\s+of|"
                                r"hundreds\s+of|\d+)\s+(?:other\s+)?(?:countries|nations|states|provinces|regions|"
                                r"districts|counties|towns|cities)\b)")
#: "demonstrated across France": the marches of a country's places together (not "floods killed 101 people across the
#: country": one storm's toll, told for the country)
_ACROSS_A_PLACE = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:demonstrated|marched|protested|rallied|took\s+to\s+the\s+"
                             r"streets)\s+across\s+(?:the\s+)?(?P<place>country|nation|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")
#: the toll of several incidents: "killed 300 people in attacks across Pakistan", "in a series of bombings"
_IN_INCIDENTS = re.compile(r"^\s+(?:[\w-]+\s+){0,4}?in\s+(?:(?:a\s+)?(?:series|spate|wave|string)\s+of\s+|separate\s+|"
                           r"several\s+|multiple\s+|recent\s+|\d+\s+|two\s+|three\s+|four\s+|five\s+|six\s+|"
                           r"a\s+dozen\s+)?"
                           r"(?:militant\s+|insurgent\s+|terrorist\s+|suicide\s+|bomb\s+|air\s+|drone\s+|rocket\s+)?"
                           r"(?:attacks|bombings|blasts|strikes|raids|incidents|clashes|explosions|"
                           r"(?:road\s+|traffic\s+|car\s+)?(?:accidents|crashes))\b", re.I)
#: a year's figure of a whole country's or firm's books: "2,006 people were killed on the roads in fiscal year 2014-15"
_IN_A_YEAR = re.compile(r"\b(?:in|during|for|over)\s+(?:the\s+)?(?:fiscal|financial|calendar)\s+year\b|"
                        r"^[^,]*?\b(?:so\s+far\s+)?this\s+year\b", re.I)  # "shot dead in Sweden this year"
#: a war's dead, told after the figure: "more than 5,000 people have died in the nine-month conflict"
_IN_THE_WAR = re.compile(r"\b(?:in|during)\s+the\s+(?:[\w-]+\s+){0,3}?(?:war|conflict|insurgency|uprising)\b", re.I)
#: a toll's verb and what it counts, right before the figure: "killed", "claimed the lives of", "left ... dead"
_TOLLED = r"(?:killed|left|claimed|cost)\s+(?:the\s+lives\s+of\s+)?(?:[\w-]+\s+){0,2}?$"
#: what a campaign has come to so far: "The offensive, launched on January 12, has involved more than 1,100 air strikes"
_A_CAMPAIGNS_TALLY = re.compile(r"\b(?:offensive|campaign|operation|war|air\s+war)\b[^.;:!?]{0,60}\b(?:has|have)\s+"
                                r"(?:so\s+far\s+|now\s+|already\s+)?(?:(?:involved|included|seen|comprised)\s+"
                                r"(?:the\s+lives\s+of\s+)?(?:[\w-]+\s+){0,2}?$|" + _TOLLED + ")", re.I)
#: the toll of a war, not of a day: "decades of civil war that killed some 2 million people", "a civil war in which
#: some 2 million people died"
_A_WARS_TOLL = re.compile(r"\b(?:war|wars|conflict|insurgency|insurgencies|campaign|uprising|fighting|violence|"
                          r"occupation|rebellion),?\s+(?:that|which)\s+(?:has\s+|have\s+|had\s+)?" + _TOLLED +
                          r"|\b(?:war|conflict|insurgency|fighting|uprising),?\s+(?:in|during)\s+which\s+"
                          r"(?:[\w-]+\s+){0,2}?$"
                          # "The war has killed more than 330,000 people": the war itself, not one of its incidents
                          r"|\b(?:war|wars|conflict|insurgency|insurgencies|uprising|occupation|rebellion)"
                          r"(?:,[^,;.]{1,60},)?\s+"  # "The Darfur conflict, which began 11 years ago, has killed"
                          r"(?:has|have|had)\s+(?:now\s+|so\s+far\s+|already\s+)?" + _TOLLED, re.I)
#: a count as it stood at an hour of the day: "turnout had reached 76 percent by 2 p.m.", a figure still running
_BY_THE_HOUR = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?" + _CLOCK, re.I)
#: "since the offensive began", "since its campaign started", "since the war was launched", "since Operation Green
#: Shield began"
_SINCE_BEGAN = re.compile(r"\bsince\s+(?:(?:the|its|their|his|her|it|they)\s+(?:[\w-]+\s+){0,3}?"
                          r"|(?-i:[A-Z][\w-]*\s+){1,4})"
                          r"(?:began|begun|started|was\s+launched|were\s+launched|launched|start|beginning)\b", re.I)


#: a perfect tense counted from a day: "2,355 civilians had been killed and 4,862 wounded in Yemen since March 26",
#: "212 civilians have been killed in the province since March" (not "the deadliest since March")
_SINCE_A_DAY = re.compile(r"^\s+(?:[\w-]+\s+){0,3}?(?:have|has|had)\s+been\s+[a-z]+\b"
                          # not into a clause of its own: "..., while the hospital had treated 212 since Tuesday"
                          r"(?:[^.;:,]|,(?!\s+(?:while|whereas|but|although|though)\b))*?\bsince\s+"
                          r"(?:(?:early|late|mid)[\s-]+)?(?:january|february|march|april|may|june|july|august|"
                          # "80 people have been arrested since Friday"
                          r"september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|"
                          r"sunday|\d)", re.I)


_SEVERAL_DAYS = (r"(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+"
                 r"(?:nights|days|weeks|months|years|decades)")
#: a count of several days or nights (or years): "More than 150 people were arrested over three nights of unrest",
#: "killed 40 in four days of fighting", "150 workers have died in the past ten years"
_OVER_DAYS = re.compile(rf"\b(?:over|across|during|in|after)\s+(?:the\s+)?(?:past\s+|last\s+|first\s+)?"
                        rf"{_SEVERAL_DAYS}\b", re.I)
#: a figure of several years: "nearly 500 people had died from bootleg alcohol between 2008 and 2015"
_OVER_YEARS = re.compile(r"\b(?:between\s+(?:19|20)\d\d\s+and|from\s+(?:19|20)\d\d\s+(?:to|until|through))\s+"
                         r"(?:19|20)\d\d\b", re.I)
#: a figure of each year (day, month): "fires and collapses killing dozens every year", "kills 1,000 people a year"
_EVERY_PERIOD = re.compile(r"^\s+(?:[a-z][\w-]*\s+){0,3}?(?:every|each|a|per)\s+(?:year|month|week|day|decade)\b"
                           r"(?!\s+(?:after|before|later|earlier|ago|since|into|of|in|on)\b)", re.I)
#: a count of several days or nights told after them: "set off three nights of unrest in which 87 people were arrested
#: and 14 officers were injured"
_DAYS_IN_WHICH = re.compile(rf"\b{_SEVERAL_DAYS}\s+of\s+(?:[\w-]+\s+){{1,3}}?(?:in|during)\s+which\b[^.;:]*$", re.I)


def crowds_scope(sentence_before: str, sentence_after: str, place: str | None = None) -> str | None:
    """"total" for a crowd told of a whole country, the sum of its many marches ("412,000 demonstrators nationwide",
    "took to the streets across France", "marched in cities across the country", "Over 400,000 protest ... in
    France": a crowd whose place is a country), not one city's march."""
    after = re.split(r"[,;.!?]", sentence_after[:80], maxsplit=1)[0]
    if (_ACROSS_PLACES.search(after) or _NATIONWIDE_BEFORE.search(sentence_before[-40:])
            or place in country_names()):
        return "total"
    return None


#: "nationwide" (said of the crowd, not of "nationwide strikes"), "across France", "in cities across the country", "in
#: more than 200 marches"
_ACROSS_PLACES = re.compile(r"\b(?:(?:nationwide|countrywide)(?=\s*$|\s+(?:on|in|at|to|as|against|for)\b)|"
                            r"across\s+(?:the\s+country|the\s+nation|[A-Z][\w-]+)|"
                            r"in\s+(?:more\s+than\s+|over\s+|some\s+|about\s+)?(?:\d[\d,]*|dozens\s+of|hundreds\s+of|"
                            r"many|several)\s+(?:cities|towns|marches|rallies|protests|demonstrations))\b")
_NATIONWIDE_BEFORE = re.compile(r"\b(?:nationwide|across\s+the\s+country|countrywide),?\s+(?:[\w-]+\s+){0,3}$", re.I)


def _clause_before(text: str) -> str:
    """A figure's clause up to it: from the last clause of contrast (``CONTRAST_CLAUSE``: "..., but", "; ") on."""
    return CONTRAST_CLAUSE.split(text)[-1]


#: a span of nights a sentence tells of before a second account of the same span ("38 officers were injured over the
#: four nights of violence and that 261 people had been arrested"), with no day named between
_OVER_NIGHTS_AND_THAT = re.compile(rf"\b(?:over|across|during)\s+(?:the\s+)?(?:past\s+|last\s+|first\s+)?"
                                   rf"{_SEVERAL_DAYS}\b[^;:]{{0,80}}?\band\s+that\b(?![^;:]*\b(?:on|last)\s+"
                                   rf"(?:{'|'.join(sorted(WEEKDAYS))})\b)[^;:]*$", re.I)


def _clause(text: str) -> str:
    """The rest of a figure's clause: up to the next semicolon or full stop, a few words at most."""
    return re.split(r"[;.!?]", text[:100], maxsplit=1)[0]
