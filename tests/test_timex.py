"""Time expressions: finding (time_spans) and resolving against the publication date.

Cases are real news phrasing: most sentences come from the gold articles in
tests/fixtures/gold (copied inline so the tests run without them), the rest are
typical wire-copy sentences.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.extract.timex import (
    context_direction,
    find_and_resolve,
    find_time_expressions,
    resolve,
    time_spans,
)

# (sentence, publication date, expression as found, start_date, end_date); None = unresolved.
RESOLVED = [
    # seed article, published Wednesday 2016-04-27
    ("In February, Director of National Intelligence James Clapper estimated that nearly 36,500 foreign "
     "fighters had traveled", "2016-04-27", "In February", "2016-02-01", "2016-02-29"),
    ("has dropped by 90 percent, from nearly 2,000 per month to 200 within the past year, according to the "
     "Pentagon.", "2016-04-27", "within the past year", "2015-04-27", "2016-04-27"),
    ("During a press briefing Tuesday, Air Force Maj. Gen. Peter Gersten said", "2016-04-27", "Tuesday",
     "2016-04-26", "2016-04-26"),
    ("On Monday, President Obama indicated that the U.S. is stepping up", "2016-04-27", "On Monday",
     "2016-04-25", "2016-04-25"),
    ("According to an article published last week by the Combating Terrorism Center", "2016-04-27",
     "last week", "2016-04-18", "2016-04-24"),
    ("Now that we’ve been fighting this enemy for a year, our estimates are down to around 200",
     "2016-04-27", "for a year", "2015-04-27", "2016-04-27"),
    ("Now that we’ve been fighting this enemy for a year", "2016-04-27", "Now", "2016-04-27", "2016-04-27"),
    ("Moreover, in December 2015, the Pentagon showcased what appeared to be a forged document",
     "2016-04-27", "in December 2015", "2015-12-01", "2015-12-31"),
    ("some have not received a salary in months, recent defectors from ISIS have indicated.", "2016-04-27",
     "in months", None, None),
    ("consistent with other estimates that have been released recently.", "2016-04-27", "recently",
     None, None),
    # AP, published Sunday 2016-03-20
    ("Wealthy donors handed over $25 million last month to an outside group backing Marco Rubio",
     "2016-03-20", "last month", "2016-02-01", "2016-02-29"),
    ("ended his bid after an embarrassing loss to Donald Trump last week in his home state.", "2016-03-20",
     "last week", "2016-03-07", "2016-03-13"),
    ("filed reports to the Federal Election Commission on Sunday, as they look ahead", "2016-03-20",
     "on Sunday", "2016-03-20", "2016-03-20"),
    ("as they look ahead to the next series of nominating contests — in Arizona, Idaho and Utah on Tuesday.",
     "2016-03-20", "on Tuesday", "2016-03-22", "2016-03-22"),
    ("raised about $58 million in support of Rubio since he became a candidate last spring.", "2016-03-20",
     "last spring", "2015-03-01", "2015-05-31"),
    ("concentrated in the days after rival Jeb Bush, a former Florida governor, dropped out Feb. 20.",
     "2016-03-20", "Feb. 20", "2016-02-20", "2016-02-20"),
    ("Last year, C.V. Starr gave $10 million to a group backing Bush.", "2016-03-20", "Last year",
     "2015-01-01", "2015-12-31"),
    ("and he suspended his campaign at the beginning of this month.", "2016-03-20",
     "at the beginning of this month", "2016-03-01", "2016-03-01"),
    ("he had almost $5 million in cash at the start of March, according to his campaign.", "2016-03-20",
     "at the start of March", "2016-03-01", "2016-03-01"),
    ("More than 40 percent of that money arrived in February alone.", "2016-03-20", "in February",
     "2016-02-01", "2016-02-29"),
    # HuffPost, published Wednesday 2016-04-20
    ("she told ABC News in February.", "2016-04-20", "in February", "2016-02-01", "2016-02-29"),
    ("Clinton’s victory in Tuesday’s New York primary was also achieved", "2016-04-20", "Tuesday’s",
     "2016-04-19", "2016-04-19"),
    ("delivering 51 speeches in 2014 and the first three months of 2015, according to The Washington Post",
     "2016-04-20", "the first three months of 2015", "2015-01-01", "2015-03-31"),
    ("delivering 51 speeches in 2014 and the first three months of 2015", "2016-04-20", "in 2014",
     "2014-01-01", "2014-12-31"),
    # NYT, published Friday 2016-05-27
    ("The poll, released on Wednesday night by the Public Policy Institute of California, showed",
     "2016-05-27", "on Wednesday night", "2016-05-25", "2016-05-25"),
    ("A survey by the organization in March found Mrs. Clinton with a lead of 48 percent to 41 percent.",
     "2016-05-27", "in March", "2016-03-01", "2016-03-31"),
    ("stepped up their campaign appearances in California in anticipation of the June 7 primary.",
     "2016-05-27", "June 7", "2016-06-07", "2016-06-07"),
    ("with ads set to begin running on Friday in the Los Angeles, Fresno and Sacramento markets.",
     "2016-05-27", "on Friday", "2016-05-27", "2016-05-27"),
    ("The poll was based on a phone survey of 1,704 California adults taken from May 13 through Sunday.",
     "2016-05-27", "from May 13 through Sunday", "2016-05-13", "2016-05-22"),
    ("took to the airwaves this week.", "2016-05-27", "this week", "2016-05-23", "2016-05-29"),
    ("either Mrs. Clinton or Mr. Sanders would defeat Mr. Trump in a hypothetical November contest",
     "2016-05-27", "November", "2016-11-01", "2016-11-30"),
    ("It could also encourage Mr. Sanders to stay in the race through the Democratic National Convention "
     "in July", "2016-05-27", "in July", "2016-07-01", "2016-07-31"),
    ("which she won in 2008 and which Bill Clinton won in the 1992 primaries", "2016-05-27", "1992",
     "1992-01-01", "1992-12-31"),
    # Politico, published Wednesday 2016-04-06
    ("could be persuaded to change their mind before April 26, when voters in Pennsylvania head to the polls",
     "2016-04-06", "April 26", "2016-04-26", "2016-04-26"),
    ("Quinnipiac conducted the poll via landlines and cellphones from March 30-April 4, surveying 1,737 "
     "registered voters", "2016-04-06", "from March 30-April 4", "2016-03-30", "2016-04-04"),
    ("Three weeks ahead of the Pennsylvania primary, Donald Trump and Hillary Clinton are holding on",
     "2016-04-06", "Three weeks", None, None),
    ("the latest Quinnipiac University poll released Wednesday.", "2016-04-06", "Wednesday", "2016-04-06",
     "2016-04-06"),
    # USA Today, published Monday 2016-01-04
    ("Bernie Sanders raised more than $33 million during the last three months of 2015 to underwrite his bid",
     "2016-01-04", "during the last three months of 2015", "2015-10-01", "2015-12-31"),
    ("the average donation during the October-to-December fundraising quarter was $27.16.", "2016-01-04",
     "October-to-December", "2015-10-01", "2015-12-31"),
    ("His campaign said he ended December with $28.4 million in available cash", "2016-01-04", "December",
     "2015-12-01", "2015-12-31"),
    ("for the Democratic presidential nomination, his campaign announced Saturday.", "2016-01-04",
     "Saturday", "2016-01-02", "2016-01-02"),
    ("according to figures her campaign released Friday.", "2016-01-04", "Friday", "2016-01-01",
     "2016-01-01"),
    ("Ted Cruz raised $23 million and $20 million, respectively, in the last quarter.", "2016-01-04",
     "in the last quarter", "2015-10-01", "2015-12-31"),
    ("a big jump from the $12.2 million he raised during the third quarter of the year", "2016-01-04",
     "during the third quarter of the year", "2015-07-01", "2015-09-30"),
    ("Candidates have until Jan. 31, the eve of the Iowa caucuses, to disclose fundraising details.",
     "2016-01-04", "Jan. 31", "2016-01-31", "2016-01-31"),
    # Western Journalism, published Monday 2016-08-01
    ("Clinton, who was tied with Trump at 42 percent on July 25, is now well ahead", "2016-08-01",
     "on July 25", "2016-07-25", "2016-07-25"),
    ("Clinton, who was tied with Trump at 42 percent on July 25, is now well ahead", "2016-08-01", "now",
     "2016-08-01", "2016-08-01"),
    ("46 percent to 39 percent according to a CBS poll released Monday.", "2016-08-01", "Monday",
     "2016-08-01", "2016-08-01"),
    ("Clinton’s support has steadily risen over the past two weeks, going from 40 percent on July 14",
     "2016-08-01", "over the past two weeks", "2016-07-18", "2016-08-01"),
    ("going from 40 percent on July 14 to 46 percent on August 1.", "2016-08-01", "on August 1",
     "2016-08-01", "2016-08-01"),
    ("Last month, she was at 67 percent support among Sanders supporters.", "2016-08-01", "Last month",
     "2016-07-01", "2016-07-31"),
    # Reuters, 1987
    ("will be published in the April 9 issue of the prestigious New England Journal of Medicine",
     "1987-04-08", "April 9", "1987-04-09", "1987-04-09"),
    ("in early reports on its effectiveness in late 1985, only to come under criticism a year later",
     "1987-04-08", "in late 1985", "1985-09-01", "1985-12-31"),
    ("in early reports on its effectiveness in late 1985, only to come under criticism a year later",
     "1987-04-08", "a year later", None, None),
    ("Hungary had a higher rate of inflation over the past two years than its main partners", "1987-03-11",
     "over the past two years", "1985-03-11", "1987-03-11"),
    ("to prevent inflation from soaring during the oil price shocks of the 1970s, he added.", "1987-03-11",
     "the 1970s", "1970-01-01", "1979-12-31"),
    ("Hungary devalued by a similar amount last September and by between three and four pct early last year.",
     "1987-03-11", "last September", "1986-09-01", "1986-09-30"),
    ("Hungary devalued by a similar amount last September and by between three and four pct early last year.",
     "1987-03-11", "early last year", "1986-01-01", "1986-04-30"),
    ("forecast gross domestic product growth of two pct this year, from one pct in 1986.", "1987-03-11",
     "this year", "1987-01-01", "1987-12-31"),
    ("will spur exports and redress last year's severe trade deficit with the West.", "1987-03-11",
     "last year's", "1986-01-01", "1986-12-31"),
    ("He said the rates would come into effect tomorrow.", "1987-03-11", "tomorrow", "1987-03-12",
     "1987-03-12"),
    ("He was referring to congressional elections scheduled for May 11", "1987-03-15", "for May 11",
     "1987-05-11", "1987-05-11"),
    ("faced by President Corazon Aquino since she toppled Marcos a year ago.", "1987-03-15", "a year ago",
     "1986-01-01", "1986-12-31"),
    ("The PCGG, set up by Aquino in February 1986, has sweeping powers", "1987-03-15", "in February 1986",
     "1986-02-01", "1986-02-28"),
    ("Share prices at the two exchanges reacted nervously last Tuesday when news of the probe leaked.",
     "1987-03-15", "last Tuesday", "1987-03-10", "1987-03-10"),
    ("There was a slight recovery the following day.", "1987-03-15", "the following day", None, None),
    ("PCGG suspicions were aroused by the stock market boom over the past year.", "1987-03-15",
     "over the past year", "1986-03-15", "1987-03-15"),
    ("Diaz said at a meeting with the heads of the two exchanges last Thursday that", "1987-03-15",
     "last Thursday", "1987-03-12", "1987-03-12"),
    ("We have achieved more than what we thought we could achieve in one year", "1987-03-15", "in one year",
     None, None),
    # PolitiFact, published Tuesday 2016-09-27
    ("Monday night was the most-watched debate in American history.", "2016-09-27", "Monday night",
     "2016-09-26", "2016-09-26"),
    ("There will be two more debates between the candidates in October.", "2016-09-27", "in October",
     "2016-10-01", "2016-10-31"),
    ("a fact that the Clinton campaign celebrated on Tuesday.", "2016-09-27", "on Tuesday", "2016-09-27",
     "2016-09-27"),
    ("there was not a big drop-off after the first 30 minutes of the 98-minute debate.", "2016-09-27",
     "the first 30 minutes", None, None),
    ("Anticipation for the Clinton-Trump meeting had been mounting for months.", "2016-09-27", "for months",
     None, None),
    ("In an ABC News/Washington Post poll released Sept. 11, Clinton led", "2016-09-19", "Sept. 11",
     "2016-09-11", "2016-09-11"),
    ("all conducted before the attacks this weekend", "2016-09-19", "this weekend", "2016-09-17",
     "2016-09-18"),
    # without a publication date only absolute expressions resolve
    ("In an ABC News/Washington Post poll released Sept. 11, Clinton led", None, "Sept. 11", None, None),
    ("set back in 1980, when Jimmy Carter and Ronald Reagan debated", None, "in 1980", "1980-01-01",
     "1980-12-31"),
    ("In February, Director of National Intelligence James Clapper estimated", None, "In February",
     None, None),
    # other wire-copy phrasing
    ("The company reported a loss in the fourth quarter of 2015.", "2016-02-10",
     "in the fourth quarter of 2015",
     "2015-10-01", "2015-12-31"),
    ("Retail sales rose 4 percent in the 12 months to March, the agency said.", "2016-04-15",
     "in the 12 months to March", "2015-04-01", "2016-03-31"),
    ("Unemployment fell to 5 percent in Q3 2015.", "2016-04-27", "in Q3 2015", "2015-07-01", "2015-09-30"),
    ("Profit fell 8 percent in the second quarter.", "2016-08-15", "in the second quarter", "2016-04-01",
     "2016-06-30"),
    ("Profits jumped 12 pct last quarter, the company said.", "2016-08-15", "last quarter", "2016-04-01",
     "2016-06-30"),
    ("The tax takes effect next year.", "2016-04-27", "next year", "2017-01-01", "2017-12-31"),
    ("Prices have doubled since 2010.", "2016-04-27", "since 2010", "2010-01-01", "2016-04-27"),
    ("The survey was conducted between 1990 and 2000.", "2016-04-27", "between 1990 and 2000", "1990-01-01",
     "2000-12-31"),
    ("The attack came two years ago.", "2016-04-27", "two years ago", "2014-01-01", "2014-12-31"),
    ("Three weeks ago, the ministry said 400 people had fled.", "2016-04-27", "Three weeks ago", "2016-04-04",
     "2016-04-10"),
    ("Officials said yesterday that 250 Special Operations troops would be deployed.", "2016-04-27",
     "yesterday", "2016-04-26", "2016-04-26"),
    ("The index is currently at 4,000 points.", "2016-04-27", "currently", "2016-04-27", "2016-04-27"),
    ("Growth slowed to 1.2 percent earlier this year.", "2016-04-27", "earlier this year", "2016-01-01",
     "2016-04-27"),
    ("Retail sales jumped in mid-March.", "2016-04-27", "in mid-March", "2016-03-11", "2016-03-20"),
    ("The plant closed in the late 1990s.", "2016-04-27", "in the late 1990s", "1997-01-01", "1999-12-31"),
    ("Shoppers spent $3 billion on Black Friday.", "2016-12-01", "on Black Friday", "2016-11-25",
     "2016-11-25"),
    ("Turnout on Election Day 2016 was 55 percent.", "2016-12-01", "on Election Day 2016", "2016-11-08",
     "2016-11-08"),
    ("A poll released 12/03/2016 showed 40 percent support.", None, "12/03/2016", "2016-12-03", "2016-12-03"),
    ("The filing, dated 2016-04-27, shows $5 million in cash.", None, "2016-04-27", "2016-04-27",
     "2016-04-27"),
    ("Enrollment in the 2015-16 school year rose 3 percent.", None, "2015-16", "2015-01-01", "2016-12-31"),
    ("Revenue for fiscal 2017 is projected at $4 billion.", "2016-04-27", "for fiscal 2017", None, None),
    ("The shooting happened at 10 a.m. Monday, police said.", "2016-04-27", "at 10 a.m. Monday", "2016-04-25",
     "2016-04-25"),
    ("The doors open at 10 a.m., organizers said.", "2016-04-27", "at 10 a.m.", None, None),
    ("The debt should be repaid by the end of next year.", "2016-04-27", "the end of next year", "2017-12-31",
     "2017-12-31"),
    ("Manufacturing employment peaked in the 20th century.", "2016-04-27", "in the 20th century",
     "1900-01-01",
     "1999-12-31"),
    ("Crime fell sharply in the '90s.", "2016-04-27", "in the '90s", "1990-01-01", "1999-12-31"),
    ("Stocks fell 3 percent in the first half of 2015.", "2016-04-27", "in the first half of 2015",
     "2015-01-01", "2015-06-30"),
    ("The data cover the period from October to December 2015.", "2016-04-27",
     "from October to December 2015",
     "2015-10-01", "2015-12-31"),
    ("In the past two weeks, 500 people were arrested.", "2016-04-27", "In the past two weeks", "2016-04-13",
     "2016-04-27"),
    ("The union will strike next Tuesday.", "2016-04-27", "next Tuesday", "2016-05-03", "2016-05-03"),
    ("The president will visit the plant on Friday.", "2016-04-27", "on Friday", "2016-04-29", "2016-04-29"),
    ("The vote is scheduled for March 15.", "2016-04-27", "for March 15", "2017-03-15", "2017-03-15"),
    ("The company was founded in the summer of 2009.", "2016-04-27", "in the summer of 2009", "2009-06-01",
     "2009-08-31"),
    ("Police arrested him late Monday.", "2016-04-27", "late Monday", "2016-04-25", "2016-04-25"),
    ("Exports rose 5 percent from a year earlier.", "2016-04-27", "a year earlier", None, None),
    ("Sales are up 7 percent so far this year.", "2016-04-27", "so far this year", "2016-01-01",
     "2016-04-27"),
    ("The government plans to cut 2,000 jobs over the next two years.", "2016-04-27",
     "over the next two years",
     "2016-04-27", "2018-04-27"),
    ("Oil output fell to 9 million barrels a day in the last week, traders said.", "2016-04-27",
     "in the last week", "2016-04-20", "2016-04-27"),
    ("Home prices rose 6 percent in the year to March 2016.", "2016-04-27", "in the year to March 2016",
     "2015-04-01", "2016-03-31"),
    ("The rally was held on Thanksgiving.", "2016-04-27", "on Thanksgiving", "2015-11-26", "2015-11-26"),
    ("The city’s 2016's budget gap is $5 million.", "2016-04-27", "2016's", "2016-01-01", "2016-12-31"),
    ("Unemployment was high in the 1980's.", "2016-04-27", "in the 1980's", "1980-01-01", "1989-12-31"),
]


@pytest.mark.parametrize(("sentence", "published", "expression", "start_date", "end_date"), RESOLVED)
def test_find_and_resolve(sentence: str, published: str | None, expression: str, start_date: str | None,
                          end_date: str | None) -> None:
    pub = dt.date.fromisoformat(published) if published else None
    found = {t.text: t for t in find_and_resolve(sentence, pub)}
    assert expression in found, f"{expression!r} not found; found {sorted(found)}"
    got = found[expression]
    assert (str(got.start_date) if got.start_date else None, str(got.end_date) if got.end_date else None) \
        == (start_date, end_date)
    assert sentence[got.start:got.end] == expression


# Every not_quantities entry of the gold files that is a time expression, in its sentence.
GOLD_NOT_QUANTITIES = [
    ('of the Clinton Foundation’s massive 2014 budget actually went to charitable', '2014'),
    ('Clinton Foundation spent 40 percent less on charitable grants in 2014 than in 2013', '2013'),
    ('spent a hair under $91.3 million in 2014, the organization’s IRS filings show', 'in 2014'),
    ('on all the supposed “good” that the foundation has done over the years.', 'over the years'),
    ('Terrorist Attacks Will Likely Affect 2016 Presidential Race, Experts Say', '2016'),
    ('an ABC News/Washington Post poll released Sept. 11, Clinton led, 50 percent to', 'Sept. 11'),
    ('A CBS/New York Times poll released Sept. 14 had Clinton doing "a better job', 'Sept. 14'),
    ('was closest in a Quinnipiac poll released Sept. 15, in which respondents were', 'Sept. 15'),
    ('— all conducted before the attacks this weekend — had Clinton leading when', 'this weekend'),
    ('Monday night was the most-watched debate in American history.', 'Monday night'),
    ('to beat was 80.6 million, set back in 1980, when Jimmy Carter and Ronald Reagan', '1980'),
    ('More recently, the first Obama-Romney debate in 2012 averaged 67 million viewers.', '2012'),
    ('a big drop-off after the first 30 minutes of the 98-minute debate.', 'the first 30 minutes'),
    ('until the very end, a fact that the Clinton campaign celebrated on Tuesday.', 'on Tuesday'),
    ('Anticipation for the Clinton-Trump meeting had been mounting for months', 'for months'),
    ('There will be two more debates between the candidates in October.', 'in October'),
    ('donors handed over $25 million last month to an outside group backing', 'last month'),
    ('bid after an embarrassing loss to Donald Trump last week in his home state.', 'last week'),
    ('reports to the Federal Election Commission on Sunday, as they look ahead to the', 'Sunday'),
    ('the next series of nominating contests — in Arizona, Idaho and Utah on Tuesday.', 'Tuesday'),
    ('$58 million in support of Rubio since he became a candidate last spring', 'last spring'),
    ('after one-time rival Jeb Bush, a former Florida governor, dropped out Feb. 20.', 'Feb. 20'),
    ('Mike Huckabee, also once a 2016 presidential hopeful.', '2016'),
    ('Last year, C.V', 'Last year'),
    ('contests, and he suspended his campaign at the beginning of this month', 'this month'),
    ('$5 million in cash at the start of March, according to his campaign', 'the start of March'),
    ('more than $11 million delivering 51 speeches in 2014 and the first three months of', '2014'),
    ('in 2014 and the first three months of 2015, according to', 'the first three months of 2015'),
    ('We’ll all release them at the same time,” she told ABC News in February', 'February'),
    ('Clinton’s victory in Tuesday’s New York primary was also achieved through the', 'Tuesday’s'),
    ('The poll, released on Wednesday night by the Public Policy Institute of', 'Wednesday night'),
    ('A survey by the organization in March found Mrs', 'in March'),
    ('their campaign appearances  in California in anticipation of the June 7 primary', 'June 7'),
    ('with ads set to begin running on Friday in the Los Angeles, Fresno and', 'Friday'),
    ('victories in the mid-Atlantic states on April 26, aside from a brief return to', 'April 26'),
    ('in this state - which she won in 2008 and which Bill Clinton won in the 1992', '2008'),
    ('2008 and which Bill Clinton won in the 1992 primaries - would provide a sour and', '1992'),
    ('the race through the Democratic National Convention in July, at a time when many', 'July'),
    ('of 1,704 California adults taken from May 13 through Sunday', 'May 13 through Sunday'),
    ('its size and the number of media markets - took to the airwaves this week.', 'this week'),
    ('Three weeks ahead of the Pennsylvania primary, Donald Trump and Hillary', 'Three weeks'),
    ('to the results of the latest Quinnipiac University poll released Wednesday.', 'Wednesday'),
    ('be persuaded to change their mind before April 26, when voters in Pennsylvania', 'April 26'),
    ('via landlines and cellphones from March 30-April 4, surveying 1,737', 'March 30-April 4'),
    ('than $33million during the last three months of 2015 to underwrite his bid', 'three months'),
    ('than $33million during the last three months of 2015 to underwrite his bid for the', '2015'),
    ('for the Democratic presidential nomination, his campaign announced Saturday', 'Saturday'),
    ('donation during the October-to-December fundraising quarter was', 'October-to-December'),
    ('average donation during the October-to-December fundraising quarter was $27.16', 'December'),
    ('end -- nearly $38million, according to figures her campaign released Friday.', 'Friday'),
    ('raised $23million and $20million, respectively, in the last quarter', 'the last quarter'),
    ('the $12.2million he raised during the third quarter of the year and comes', 'third quarter'),
    ('Candidates have until Jan. 31, the eve of the Iowa caucuses, to disclose', 'Jan. 31'),
    ('who was tied with Trump at 42 percent on July 25, is now well ahead of the GOP', 'July 25'),
    ('GOP challenger 46 percent to 39 percent according to a CBS poll released Monday', 'Monday'),
    ('support has steadily risen over the past two weeks, going from 40 percent on', 'two weeks'),
    ('the past two weeks, going from 40 percent on July 14 to 46 percent on August 1', 'July 14'),
    ('the past two weeks, going from 40 percent on July 14 to 46 percent on August 1', 'August 1'),
    ('Last month, she was at 67 percent support among Sanders supporters.', 'Last month'),
    ('WASHINGTON, April 8 - Promising new findings in the use of a controversial', 'April 8'),
    ('cancer will be published in the April 9 issue of the prestigious New England', 'April 9'),
    ('early reports on its effectiveness in late 1985, only to come under criticism', 'late 1985'),
    ('1985, only to come under criticism a year later for its failure to live up', 'a year later'),
    ('BUDAPEST, March 11 - National Bank of Hungary first vice-president Janos', 'March 11'),
    ("will spur exports and redress last year's severe trade deficit with the", "last year's"),
    ('rate of inflation over the past two years than its main partners', 'the past two years'),
    ('than its main partners (around eight pct in 1985 and between five and 5.5 pct in', '1985'),
    ('its main partners (around eight pct in 1985 and between five and 5.5 pct in 1986).', '1986'),
    ('inflation from soaring during the oil price shocks of the 1970s, he added.', '1970s'),
    ('devalued by a similar amount last September and by between three and', 'last September'),
    ('last September and by between three and four pct early last year.', 'early last year'),
    ('of between 200 and 300 mln dlrs this year, but that a more likely outcome', 'this year'),
    ('MANILA, March 15 - The head of a Philippine panel charged with recovering', 'March 15'),
    ('referring to congressional elections scheduled for May 11 and to the three coup', 'May 11'),
    ('faced by President Corazon Aquino since she toppled Marcos a year ago.', 'a year ago'),
    ('achieved more than what we thought we could achieve in one year," he added.', 'in one year'),
    ('The PCGG, set up by Aquino in February 1986, has sweeping powers of', 'February 1986'),
    ('The government last week announced that businessman Antonio Floirendo, an', 'last week'),
    ('at the two exchanges reacted nervously last Tuesday when news of the probe', 'last Tuesday'),
    ('There was a slight recovery the following day.', 'the following day'),
    ('PCGG suspicions were aroused by the stock market boom over the past year', 'the past year'),
    ('Stock Exchange composite index jumped 224 pct from 131.32 to 424.81 in 1986.', 'in 1986'),
    ('with the heads of the two exchanges last Thursday that the PCGG would act', 'last Thursday'),
    ('that we’ve been fighting this enemy for a year, our estimates are down to around', 'a year'),
    ('some have not received a salary in months, recent defectors from ISIS have', 'in months'),
    ('Moreover, in December 2015, the Pentagon showcased what appeared to be a', 'December 2015'),
    ('During a press briefing Tuesday, Air Force Maj', 'Tuesday'),
    ('On Monday, President Obama indicated that the U.S', 'Monday'),
    ('In February, Director of National Intelligence James Clapper estimated that', 'February'),
    ('According to an article published last week by the Combating Terrorism Center', 'last week'),
]


@pytest.mark.parametrize(("sentence", "expression"), GOLD_NOT_QUANTITIES)
def test_gold_time_expressions_are_time_spans(sentence: str, expression: str) -> None:
    start = sentence.index(expression)
    end = start + len(expression)
    assert any(s <= start and end <= e for s, e in time_spans(sentence)), \
        f"{expression!r} not covered by {[sentence[s:e] for s, e in time_spans(sentence)]}"


# (sentence, the number that must stay a quantity): no time span may overlap it.
QUANTITIES = [
    ("The U.S. will send 250 Special Operations troops to Syria.", "250"),
    ("The foundation spent $5 million more in 2014.", "$5 million"),
    ("nearly 36,500 foreign fighters from more than 100 countries", "36,500"),
    ("COVID-19 cases rose again in March.", "COVID-19"),
    ("Police said a 34-year-old man was arrested.", "34-year-old"),
    ("He was sentenced to 10 years in prison.", "10 years"),
    ("He was sentenced to over 10 years in prison last week.", "10 years"),
    ("there was not a big drop-off after the first 30 minutes of the 98-minute debate.", "98-minute"),
    ("The poll was based on a phone survey of 1,704 California adults taken from May 13 through Sunday.",
     "1,704"),
    ("from nearly 2,000 per month to 200 within the past year", "2,000 per month"),
    ("from nearly 2,000 per month to 200 within the past year", "200 "),
    ("Patients faced waits of 18 weeks for surgery.", "18 weeks"),
    ("a new record in the sixty year history of televised presidential debates", "sixty year"),
    ("He was jailed for 10 years in 1985.", "10 years"),
    ("surveying 1,737 registered voters in the state", "1,737"),
    ("About 2000 people attended the rally on Monday.", "2000"),
    ("The agency hired 1900 workers last year.", "1900"),
    ("the 9/11 attacks", "9/11"),
    ("Section 230 shields platforms.", "230"),
    ("a Boeing 737 crashed on Tuesday", "737"),
    ("The Manila composite index jumped 224 pct from 131.32 to 424.81 in 1986.", "131.32"),
    ("The Manila composite index jumped 224 pct from 131.32 to 424.81 in 1986.", "424.81"),
    ("Clinton's 2014 budget was $91.3 million.", "$91.3 million"),
    ("Bonds hit a 10-year low in March.", "10-year"),
    ("Nearly four in 10 likely voters backed Trump.", "four in 10"),
    ("The margin of error is plus or minus 4 points.", "4 points"),
    ("The region has had 2015 millimeters of rain.", "2015 millimeters"),
    ("Gold rose 1.5 percent to $1,250 an ounce.", "$1,250"),
    ("the average donation was $27.16", "$27.16"),
    ("He gave an hour-long speech during an hour-long rally.", "hour-long rally"),
    ("The 2015-16 budget rose to $2,016 million.", "$2,016 million"),
    # ages are figures, not framing durations (SPEC: ages are duration quantities)
    ("He is over thirty years old.", "thirty years"),
    ("Symptoms appear at around 3 years of age.", "3 years"),
    # a wait is the figure claimed, even after "another"
    ("She had to wait another 25 minutes for more ballots.", "25 minutes"),
    ("He was sentenced to another 10 years.", "10 years"),
    # "a 10-year low" is a figure; only statistics over a window are framed ("three-month average")
    ("Bonds hit a 10-year low, below the three-month average.", "10-year"),
]


@pytest.mark.parametrize(("sentence", "number"), QUANTITIES)
def test_figures_are_not_time_spans(sentence: str, number: str) -> None:
    start = sentence.index(number)
    end = start + len(number.rstrip())
    overlapping = [sentence[s:e] for s, e in time_spans(sentence) if s < end and start < e]
    assert not overlapping, f"{number!r} swallowed by {overlapping}"


@pytest.mark.parametrize(("expression", "published", "direction", "start_date", "end_date"), [
    ("In February", "2016-04-27", "past", "2016-02-01", "2016-02-29"),
    ("In February", None, "past", None, None),
    ("In May", "2016-04-27", "past", "2015-05-01", "2015-05-31"),
    ("In May", "2016-04-27", "future", "2016-05-01", "2016-05-31"),
    ("In May", "2016-04-27", "nearest", "2016-05-01", "2016-05-31"),
    ("July 25", "2016-08-01", "past", "2016-07-25", "2016-07-25"),
    ("Monday", "2016-04-25", "past", "2016-04-25", "2016-04-25"),
    ("last Monday", "2016-04-25", "past", "2016-04-18", "2016-04-18"),
    ("this week", "2016-04-27", "past", "2016-04-25", "2016-05-01"),
    ("Feb. 29", "2017-03-01", "past", "2016-02-29", "2016-02-29"),
    ("February 30", "2016-04-27", "past", None, None),
    ("the 20th century", None, "past", "1900-01-01", "1999-12-31"),
    ("1970s", None, "past", "1970-01-01", "1979-12-31"),
    ("the '90s", None, "past", "1990-01-01", "1999-12-31"),
    ("now", "2016-04-27", "past", "2016-04-27", "2016-04-27"),
    ("recently", "2016-04-27", "past", None, None),
    ("for a year", "2016-04-27", "future", "2016-04-27", "2017-04-27"),
    ("this weekend", "2016-09-19", "past", "2016-09-17", "2016-09-18"),
    ("this weekend", "2016-09-21", "past", "2016-09-24", "2016-09-25"),
    ("last weekend", "2016-09-21", "past", "2016-09-17", "2016-09-18"),
    ("last winter", "2016-04-27", "past", "2015-12-01", "2016-02-29"),
    ("winter 2015", "2016-04-27", "past", None, None),
    ("Easter 2016", None, "past", "2016-03-27", "2016-03-27"),
    ("Thanksgiving 2015", None, "past", "2015-11-26", "2015-11-26"),
    ("Memorial Day", "2016-06-15", "past", "2016-05-30", "2016-05-30"),
    ("Christmas Eve", "2016-04-27", "past", "2015-12-24", "2015-12-24"),
    ("Q4", "2016-04-27", "past", "2015-10-01", "2015-12-31"),
    ("the third quarter of the year to the last quarter", "2016-01-04", "past", "2015-07-01", "2015-12-31"),
    ("December 15-January 10", "2016-01-20", "past", "2015-12-15", "2016-01-10"),
    ("July 25-27", "2016-08-01", "past", "2016-07-25", "2016-07-27"),
    ("31 December 2015", None, "past", "2015-12-31", "2015-12-31"),
    ("Monday, July 25, 2016", None, "past", "2016-07-25", "2016-07-25"),
    ("the past decade", "2016-04-27", "past", "2006-04-27", "2016-04-27"),
    ("late March", "2016-04-27", "past", "2016-03-21", "2016-03-31"),
    ("the second half of last year", "2016-04-27", "past", "2015-07-01", "2015-12-31"),
    ("a week ago", "2016-04-27", "past", "2016-04-18", "2016-04-24"),
    ("several years ago", "2016-04-27", "past", None, None),
    ("in the coming weeks", "2016-04-27", "past", None, None),
    ("in coming weeks", "2016-04-27", "past", None, None),
    ("the past 24 hours", "2016-04-27", "past", "2016-04-26", "2016-04-27"),
    ("the Fourth of July", "2016-08-01", "past", "2016-07-04", "2016-07-04"),
    ("late summer", "2016-09-15", "past", "2016-08-01", "2016-08-31"),
    ("since last year", "2016-04-27", "past", "2015-01-01", "2016-04-27"),
    ("", "2016-04-27", "past", None, None),
    ("not a time", "2016-04-27", "past", None, None),
])
def test_resolve(expression: str, published: str | None, direction: str, start_date: str | None,
                 end_date: str | None) -> None:
    pub = dt.date.fromisoformat(published) if published else None
    got = resolve(expression, pub, direction)  # type: ignore[arg-type]
    assert tuple(str(d) if d else None for d in got) == (start_date, end_date)


@pytest.mark.parametrize(("sentence", "expression", "direction"), [
    ("Candidates have until Jan. 31 to disclose", "Jan. 31", "future"),
    ("elections scheduled for May 11", "May 11", "future"),
    ("they will support on April 26", "April 26", "future"),
    ("Mr. Sanders would defeat Mr. Trump in a hypothetical November contest", "November", "nearest"),
    ("She will go. He left on Tuesday", "Tuesday", "past"),
    ("The poll released Sept. 11 showed", "Sept. 11", "past"),
])
def test_context_direction(sentence: str, expression: str, direction: str) -> None:
    assert context_direction(sentence, sentence.index(expression)) == direction


def test_offsets_are_shifted_and_unresolved() -> None:
    sentence = "On Monday, President Obama indicated"
    [found] = find_time_expressions(sentence, offset=100)
    assert (found.text, found.start, found.end) == ("On Monday", 100, 109)
    assert found.start_date is None and found.end_date is None


def test_spans_are_maximal_and_ordered() -> None:
    text = "From March 30-April 4, 2016, and in the last three months of 2015, and May 13 through Sunday."
    assert [text[s:e] for s, e in time_spans(text)] == [
        "From March 30-April 4, 2016", "in the last three months of 2015", "May 13 through Sunday"]


@pytest.mark.parametrize(("sentence", "expression"), [
    ("For 24 hours, he drove those following politics on the social media site to donate.", "For 24 hours"),
    ("Egan said this would take at least another three years", "at least another three years"),
    ("Gumport noted the three-month average bookings were well above forecasts.", "three-month"),
    ("The association does not break out March orders from its three-month average.", "three-month"),
])
def test_framing_durations_are_time_spans(sentence: str, expression: str) -> None:
    """A clause opened by "For N units,", "another N units" and a statistic's window frame a period."""
    start = sentence.index(expression)
    assert (start, start + len(expression)) in time_spans(sentence), \
        [sentence[s:e] for s, e in time_spans(sentence)]


def test_no_time_in_text_without_time() -> None:
    assert time_spans("The Pentagon said 250 troops would go.") == []
    assert time_spans("") == []
    assert find_and_resolve("", None) == []


TIME_WORDS = ["In", "February", "last", "week", "2015", "-", "to", " ", ",", "the", "past", "two", "years",
              "ago", "Monday", "10", "a.m.", "May", "13", "through", "'90s", "Q3", "for", "a", "year", "of",
              "quarter", "third", "early", "since", "and", "between", "Sept.", "11", "12/03/2016", "—", "’s"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300)
       | st.lists(st.sampled_from(TIME_WORDS), max_size=40).map(" ".join))
def test_any_text_gives_valid_spans(text: str) -> None:
    spans = time_spans(text)
    previous_end = 0
    for start, end in spans:
        assert 0 <= previous_end <= start < end <= len(text)
        previous_end = end
    for found in find_and_resolve(text, dt.date(2016, 4, 27)):
        if found.start_date and found.end_date:
            assert found.start_date <= found.end_date


def test_speed() -> None:
    """A 5,000-character article takes well under 1 ms per 100 characters."""
    article = " ".join(sentence for sentence, *_ in RESOLVED)[:5000]
    started = time.perf_counter()
    for _ in range(5):
        find_time_expressions(article)
    per_hundred_ms = (time.perf_counter() - started) / 5 / len(article) * 100 * 1000
    assert per_hundred_ms < 0.5, f"{per_hundred_ms:.3f} ms per 100 characters"


GOLD_DIRS = [Path(__file__).parent / "fixtures" / "gold", Path("/work/shared/gold")]
GOLD_FILES = next((sorted(d.glob("*.gold.json")) for d in GOLD_DIRS if d.is_dir()), [])



@pytest.mark.skipif(not GOLD_FILES, reason="gold files not available")
@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_gold_documents(path: Path) -> None:
    """On the whole gold document: time not_quantities are covered, gold quantities are never overlapped."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    document = gold["document"]
    spans = time_spans(document)
    time_entries = {expression for _, expression in GOLD_NOT_QUANTITIES}
    for entry in gold["not_quantities"]:
        if entry not in time_entries:
            continue
        start = document.find(entry)
        while start != -1:
            assert any(s <= start and start + len(entry) <= e for s, e in spans), entry
            start = document.find(entry, start + 1)
    for quantity in gold["quantities"]:
        overlapping = [document[s:e] for s, e in spans if s < quantity["end"] and quantity["start"] < e]
        assert not overlapping, (quantity["text"], overlapping)
