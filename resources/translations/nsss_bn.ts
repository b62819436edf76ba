<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="bn" sourcelanguage="en">
<context>
    <name>AboutScreen</name>
    <message>
        <location filename="../../ui/screens/about.py" line="+105"/>
        <source>Select a source to see its web address.</source>
        <translation>কোনো উৎস নির্বাচন করলে তার ওয়েব ঠিকানা এখানে দেখা যাবে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address: {url}</source>
        <translation>ঠিকানা: {url}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the most final stage: actual, then revised budget, then reported, then proposed;</source>
        <translation>সবচেয়ে চূড়ান্ত পর্যায়: প্রথমে প্রকৃত, তারপর সংশোধিত বাজেট, তারপর প্রতিবেদিত, তারপর প্রস্তাবিত;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>then a government source (department or ministry portal) over the press;</source>
        <translation>তারপর সংবাদমাধ্যমের চেয়ে সরকারি উৎস (অধিদপ্তর বা মন্ত্রণালয়ের পোর্টাল);</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>then the most precise figure (4350.97 over 4351: the same figure, less rounded);</source>
        <translation>তারপর সবচেয়ে সূক্ষ্ম সংখ্যা (৪৩৫১-এর বদলে ৪৩৫০.৯৭: একই সংখ্যা, তবে কম রাউন্ড করা);</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>then the source code, alphabetically, so the choice never depends on load order.</source>
        <translation>তারপর উৎসের কোড, বর্ণানুক্রমে, যাতে কোন সংখ্যা বাছাই হবে তা কখনো ডেটা লোডের ক্রমের ওপর নির্ভর না করে।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A programme-level figure counts once in every total that spans ministries; where only per-ministry shares exist, the programme value is their sum. A component programme is left out of a total in any year its aggregate has a value for the measure, published national totals are never added to programmes, and programmes counted in families are kept apart from those counted in persons.</source>
        <translation>একাধিক মন্ত্রণালয় জুড়ে যেকোনো মোট হিসাবে কর্মসূচি-পর্যায়ের একটি সংখ্যা একবারই গণনা করা হয়; যেখানে শুধু মন্ত্রণালয়ভিত্তিক অংশ পাওয়া যায়, সেখানে কর্মসূচির মান হলো সেগুলোর যোগফল। কোনো বছরে সমন্বিত কর্মসূচির নিজস্ব মান থাকলে সেই বছরের মোট হিসাবে তার অংশ-কর্মসূচি বাদ থাকে; প্রকাশিত জাতীয় মোট কখনো কর্মসূচিগুলোর সঙ্গে যোগ করা হয় না; আর পরিবার হিসেবে গণনা করা কর্মসূচি ব্যক্তি হিসেবে গণনা করা কর্মসূচি থেকে আলাদা রাখা হয়।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The real data has several sources and budget stages for one programme-year. The dashboards pick one value per programme, fiscal year and measure by this stated rule:</source>
        <translation>প্রকৃত ডেটায় একটি কর্মসূচির একটি বছরের জন্য একাধিক উৎস ও বাজেট পর্যায় থাকে। ড্যাশবোর্ড প্রতিটি কর্মসূচি, অর্থবছর ও পরিমাপের জন্য এই ঘোষিত নিয়মে একটি মান বেছে নেয়:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>NSSS M&amp;amp;E Desktop</source>
        <translation>এনএসএসএস পরিবীক্ষণ ও মূল্যায়ন ডেস্কটপ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version {version}</source>
        <translation>সংস্করণ {version}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offline monitoring and evaluation of Bangladesh&apos;s National Social Security Strategy (NSSS) for ministries and the General Economics Division (GED).</source>
        <translation>মন্ত্রণালয়সমূহ ও সাধারণ অর্থনীতি বিভাগের (জিইডি) জন্য বাংলাদেশের জাতীয় সামাজিক নিরাপত্তা কৌশলের (এনএসএসএস) অফলাইন পরিবীক্ষণ ও মূল্যায়ন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the data is</source>
        <translation>ডেটা সম্পর্কে</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The demo data are real public figures: NSSS Action Plan rows, thematic clusters, ministries, and programme beneficiaries and budgets as published by ministries, departments and the press. Each figure keeps its source and budget stage; nothing is invented. They are for trying the app out and are not an official statement of the NSSS.</source>
        <translation>ডেমো ডেটা হলো প্রকৃত প্রকাশিত তথ্য: এনএসএসএস কর্মপরিকল্পনার সারি, থিম্যাটিক ক্লাস্টার, মন্ত্রণালয় এবং মন্ত্রণালয়, অধিদপ্তর ও সংবাদমাধ্যমে প্রকাশিত কর্মসূচির উপকারভোগী ও বাজেট। প্রতিটি সংখ্যার সঙ্গে তার উৎস ও বাজেট পর্যায় রাখা আছে; কিছুই বানানো নয়। এগুলো অ্যাপটি ব্যবহার করে দেখার জন্য; এনএসএসএস-এর কোনো আনুষ্ঠানিক বিবৃতি নয়।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The thematic cluster and life-cycle stage of each programme are demo (synthetic) assignments where marked &apos;demo&apos;: no source gives them.</source>
        <translation>যেখানে &apos;ডেমো&apos; চিহ্নিত আছে, সেখানে প্রতিটি কর্মসূচির থিম্যাটিক ক্লাস্টার ও জীবনচক্রের পর্যায় ডেমো (কৃত্রিম) নির্ধারণ: কোনো উৎসে এগুলো দেওয়া নেই।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How one figure is chosen</source>
        <translation>একটি সংখ্যা কীভাবে বাছাই করা হয়</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sources ({count})</source>
        <translation>উৎস ({count}টি)</translation>
    </message>
</context>
<context>
    <name>ActionPlanScreen</name>
    <message>
        <location filename="../../ui/screens/action_plan.py" line="+162"/>
        <source>Loading the Action Plan register…</source>
        <translation>কর্মপরিকল্পনার রেজিস্টার লোড হচ্ছে…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The register could not be loaded.</source>
        <translation>রেজিস্টারটি লোড করা যায়নি।</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All plans</source>
        <translation>সব পরিকল্পনা</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{code}: {title} ({count} activities)</source>
        <translation>{code}: {title} ({count}টি কার্যক্রম)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>All ministries</source>
        <translation>সব মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{shown} of {total} activities shown.</source>
        <translation>{total}টি কার্যক্রমের মধ্যে {shown}টি দেখানো হচ্ছে।</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Import an Action Plan workbook</source>
        <translation>কর্মপরিকল্পনার ওয়ার্কবুক ইমপোর্ট করুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+24"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>এক্সেল ওয়ার্কবুক (*.xlsx)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Export the register</source>
        <translation>রেজিস্টার এক্সপোর্ট করুন</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Exporting the register…</source>
        <translation>রেজিস্টার এক্সপোর্ট হচ্ছে…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The register of {plan} was saved to {path}.</source>
        <translation>{plan}-এর রেজিস্টার {path}-এ সংরক্ষণ করা হয়েছে।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The register was not exported.</source>
        <translation>রেজিস্টারটি এক্সপোর্ট করা হয়নি।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>NSSS Action Plan register</source>
        <translation>এনএসএসএস কর্মপরিকল্পনার রেজিস্টার</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status as of {date}. Select an activity and press Enter to see its history, comments and evidence, or to record a new status.</source>
        <translation>{date} তারিখের অবস্থা। কোনো কার্যক্রমের ইতিহাস, মন্তব্য ও প্রমাণক দেখতে বা নতুন অবস্থা লিপিবদ্ধ করতে কার্যক্রমটি নির্বাচন করে এন্টার চাপুন।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Plan:</source>
        <translation>পরিকল্পনা(&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ministry:</source>
        <translation>মন্ত্রণালয়(&amp;M):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter:</source>
        <translation>ছাঁকনি(&amp;F):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No., words of an activity, a ministry…</source>
        <translation>ক্রমিক, শব্দ বা মন্ত্রণালয়…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open activity</source>
        <translation>কার্যক্রম খুলুন(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import…</source>
        <translation>ইমপোর্ট(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export…</source>
        <translation>এক্সপোর্ট(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose one plan to export it as the official table.</source>
        <translation>দাপ্তরিক ছকে এক্সপোর্ট করতে একটি পরিকল্পনা বেছে নিন।</translation>
    </message>
</context>
<context>
    <name>ActivityDetailDialog</name>
    <message>
        <location filename="../../ui/screens/activity_detail.py" line="+132"/>
        <source>Waiting for approval: {status}</source>
        <translation>অনুমোদনের অপেক্ষায়: {status}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Performance indicators</source>
        <translation>কর্মসম্পাদন সূচক</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeframe</source>
        <translation>সময়সীমা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsible ministry</source>
        <translation>দায়িত্বপ্রাপ্ত মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared responsibility</source>
        <translation>সহযোগী মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current status</source>
        <translation>বর্তমান অবস্থা</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Objective {number}: {objective}</source>
        <translation>উদ্দেশ্য {number}: {objective}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No. {number}: {activity}</source>
        <translation>ক্রমিক {number}: {activity}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not given</source>
        <translation>উল্লেখ নেই</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{written} (due {date})</source>
        <translation>{written} (নির্ধারিত তারিখ {date})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{written} (recurring: {recurrence})</source>
        <translation>{written} (পুনরাবৃত্ত: {recurrence})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{written} (no due date could be read from it)</source>
        <translation>{written} (এ থেকে কোনো নির্ধারিত তারিখ পাওয়া যায়নি)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>S&amp;tatus ({count})</source>
        <translation>অবস্থা(&amp;T) ({count})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Comments ({count})</source>
        <translation>মন্তব্য(&amp;C) ({count})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Evidence ({count})</source>
        <translation>প্রমাণক(&amp;E) ({count})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Action Plan activity</source>
        <translation>কর্মপরিকল্পনার কার্যক্রম</translation>
    </message>
</context>
<context>
    <name>ActivityStatus</name>
    <message>
        <location filename="../../ui/screens/action_plan_text.py" line="+21"/>
        <source>Not started</source>
        <translation>শুরু হয়নি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>চলমান</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>সম্পন্ন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delayed</source>
        <translation>বিলম্বিত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropped</source>
        <translation>বাদ দেওয়া হয়েছে</translation>
    </message>
</context>
<context>
    <name>ApprovalState</name>
    <message>
        <location line="+6"/>
        <source>Draft</source>
        <translation>খসড়া</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>দাখিলকৃত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>অনুমোদিত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned for revision</source>
        <translation>সংশোধনের জন্য ফেরত</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{status} (draft)</source>
        <translation>{status} (খসড়া)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{status} (submitted)</source>
        <translation>{status} (দাখিলকৃত)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{status} (returned)</source>
        <translation>{status} (ফেরত)</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <location filename="../../ui/screens/action_plan_attach.py" line="+90"/>
        <source>Give the document a title, e.g. &apos;Circular on the age threshold, 2017&apos;.</source>
        <translation>দলিলটির একটি শিরোনাম দিন, যেমন &apos;বয়সসীমা বিষয়ক পরিপত্র, ২০১৭&apos;।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The document date cannot be after today.</source>
        <translation>দলিলের তারিখ আজকের পরের হতে পারে না।</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Attach evidence</source>
        <translation>প্রমাণক সংযুক্ত করুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File: {name}</source>
        <translation>ফাইল: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>শিরোনাম(&amp;T):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Kind:</source>
        <translation>ধরন(&amp;K):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document &amp;date:</source>
        <translation>দলিলের তারিখ(&amp;D):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document is dated</source>
        <translation>দলিলে তারিখ আছে</translation>
    </message>
</context>
<context>
    <name>Basis</name>
    <message>
        <location filename="../../ui/reform_text.py" line="+50"/>
        <source>Objective&apos;s cluster</source>
        <translation>উদ্দেশ্যের ক্লাস্টার</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ministry&apos;s membership</source>
        <translation>মন্ত্রণালয়ের সদস্যপদ</translation>
    </message>
</context>
<context>
    <name>ChartsPage</name>
    <message>
        <location filename="../../ui/screens/programme_dashboard_widgets.py" line="+207"/>
        <source>&amp;Breakdown:</source>
        <translation>বিভাজন(&amp;B):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>লিঙ্গ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Area (rural/urban)</source>
        <translation>এলাকা (গ্রামীণ/শহুরে)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Division</source>
        <translation>বিভাগ</translation>
    </message>
</context>
<context>
    <name>Clusters</name>
    <message>
        <location filename="../../ui/reform_text.py" line="+9"/>
        <source>Social Allowance</source>
        <translation>সামাজিক ভাতা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Food Security and Disaster Assistance</source>
        <translation>খাদ্য নিরাপত্তা ও দুর্যোগ সহায়তা</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Social Insurance</source>
        <translation>সামাজিক বিমা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labour/Livelihood Interventions</source>
        <translation>শ্রম/জীবিকায়ন কার্যক্রম</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Human Development and Social Empowerment</source>
        <translation>মানব উন্নয়ন ও সামাজিক ক্ষমতায়ন</translation>
    </message>
</context>
<context>
    <name>ClustersScreen</name>
    <message>
        <location filename="../../ui/screens/clusters.py" line="+42"/>
        <source>All</source>
        <translation>সব</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Through the objective&apos;s cluster</source>
        <translation>উদ্দেশ্যের ক্লাস্টারের মাধ্যমে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Through the ministry&apos;s membership</source>
        <translation>মন্ত্রণালয়ের সদস্যপদের মাধ্যমে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All in this cluster</source>
        <translation>এই ক্লাস্টারের সব</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reforms by thematic cluster</source>
        <translation>থিম্যাটিক ক্লাস্টারভিত্তিক সংস্কার</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An activity belongs to its objective&apos;s cluster where the plan gives one, otherwise to every cluster its responsible ministry is a member of. Click a count to list its activities.</source>
        <translation>কর্মপরিকল্পনায় উদ্দেশ্যের ক্লাস্টার দেওয়া থাকলে কার্যক্রমটি সেই ক্লাস্টারের অন্তর্ভুক্ত; না থাকলে দায়িত্বপ্রাপ্ত মন্ত্রণালয় যেসব ক্লাস্টারের সদস্য, তার প্রতিটির অন্তর্ভুক্ত। কোনো সংখ্যায় ক্লিক করলে তার কার্যক্রমের তালিকা দেখা যাবে।</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../ui/core_text.py" line="+270"/>
        <source>Fiscal year</source>
        <translation>অর্থবছর</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiscal year (July to June)</source>
        <translation>অর্থবছর (জুলাই থেকে জুন)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beneficiaries
(lakh)</source>
        <translation>উপকারভোগী
(লাখ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beneficiaries (lakh persons)</source>
        <translation>উপকারভোগী (লাখ জন)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Families
(lakh)</source>
        <translation>পরিবার
(লাখ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Families (lakh, Food Friendly Programme)</source>
        <translation>পরিবার (লাখ, খাদ্যবান্ধব কর্মসূচি)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budget
(crore taka)</source>
        <translation>বাজেট
(কোটি টাকা)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget of listed programmes (crore taka)</source>
        <translation>তালিকাভুক্ত কর্মসূচির বাজেট (কোটি টাকা)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Programmes
counted</source>
        <translation>গণনাকৃত
কর্মসূচি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programmes with a figure</source>
        <translation>সংখ্যা পাওয়া গেছে এমন কর্মসূচি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published SSP total
(crore taka)</source>
        <translation>প্রকাশিত মোট বাজেট
(কোটি টাকা)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published social security budget total (crore taka)</source>
        <translation>প্রকাশিত মোট সামাজিক নিরাপত্তা বাজেট (কোটি টাকা)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budget stage</source>
        <translation>বাজেট পর্যায়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget stage of the figures counted</source>
        <translation>গণনাকৃত সংখ্যাগুলোর বাজেট পর্যায়</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Source id</source>
        <translation>উৎসের আইডি</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Title / publisher / date</source>
        <translation>শিরোনাম / প্রকাশক / তারিখ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>ঠিকানা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web address of the source</source>
        <translation>উৎসের ওয়েব ঠিকানা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was taken</source>
        <translation>যা নেওয়া হয়েছে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was taken from the source</source>
        <translation>উৎস থেকে যা নেওয়া হয়েছে</translation>
    </message>
</context>
<context>
    <name>CommentsTab</name>
    <message>
        <location filename="../../ui/screens/action_plan_comments.py" line="+92"/>
        <source>Local user</source>
        <translation>স্থানীয় ব্যবহারকারী</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Type the comment first.</source>
        <translation>আগে মন্তব্যটি লিখুন।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select the comment to reply to.</source>
        <translation>যে মন্তব্যের উত্তর দেবেন সেটি নির্বাচন করুন।</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The comment was added.</source>
        <translation>মন্তব্যটি যোগ করা হয়েছে।</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Comment</source>
        <translation>মন্তব্য</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>মন্তব্যকারী</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>সময়</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comments are kept as written: they cannot be edited or deleted. To correct one, select it and reply.</source>
        <translation>মন্তব্য যেমন লেখা হয় তেমনই সংরক্ষিত থাকে: সম্পাদনা বা মুছে ফেলা যায় না। কোনো মন্তব্য সংশোধন করতে সেটি নির্বাচন করে উত্তর দিন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a comment…</source>
        <translation>মন্তব্য লিখুন…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add comment</source>
        <translation>মন্তব্য যোগ করুন(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reply to selected</source>
        <translation>নির্বাচিত মন্তব্যের উত্তর দিন(&amp;R)</translation>
    </message>
</context>
<context>
    <name>CommitteeScreen</name>
    <message>
        <location filename="../../ui/screens/committee.py" line="+98"/>
        <source>{count} attached to the completion report</source>
        <translation>সম্পন্নের প্রতিবেদনের সঙ্গে সংযুক্ত {count}টি</translation>
    </message>
    <message>
        <location line="+53"/>
        <location line="+7"/>
        <source>Computing the committee summary…</source>
        <translation>কমিটির সারসংক্ষেপ হিসাব করা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Total (each activity counted once)</source>
        <translation>মোট (প্রতিটি কার্যক্রম একবার গণনা)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The committee summary could not be computed.</source>
        <translation>কমিটির সারসংক্ষেপ হিসাব করা যায়নি।</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{title}. Activities: {count}. Double-click or press Enter to open one.</source>
        <translation>{title}। কার্যক্রম: {count}টি। কোনোটি খুলতে তাতে ডাবল-ক্লিক করুন বা এন্টার চাপুন।</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Activities as of {date}: {count}.</source>
        <translation>{date} তারিখ পর্যন্ত কার্যক্রম: {count}টি।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overdue ({count})</source>
        <translation>মেয়াদোত্তীর্ণ ({count})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Completed in the last {days} days ({count})</source>
        <translation>গত {days} দিনে সম্পন্ন ({count})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Past their due date and neither completed nor dropped, oldest first.</source>
        <translation>নির্ধারিত তারিখ পেরিয়ে গেছে, অথচ সম্পন্ন হয়নি বা বাদ দেওয়া হয়নি; সবচেয়ে পুরোনোটি আগে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Completion reports approved in this period, newest first, with their evidence.</source>
        <translation>এই সময়ে অনুমোদিত সম্পন্নের প্রতিবেদন, প্রমাণকসহ; সর্বশেষটি আগে।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Click a count above to list its activities.</source>
        <translation>ওপরের কোনো সংখ্যায় ক্লিক করলে তার কার্যক্রমের তালিকা এখানে দেখা যাবে।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Committee summary of reform progress</source>
        <translation>সংস্কার অগ্রগতির কমিটি সারসংক্ষেপ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As of:</source>
        <translation>অবস্থার তারিখ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action plan:</source>
        <translation>কর্মপরিকল্পনা:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>হালনাগাদ করুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By ministry (lead or shared)</source>
        <translation>মন্ত্রণালয়ভিত্তিক (মূল বা যৌথ দায়িত্ব)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By thematic cluster</source>
        <translation>থিম্যাটিক ক্লাস্টারভিত্তিক</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activities behind a count</source>
        <translation>সংখ্যার পেছনের কার্যক্রম</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>মেয়াদোত্তীর্ণ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recently completed</source>
        <translation>সম্প্রতি সম্পন্ন</translation>
    </message>
</context>
<context>
    <name>CoreErrors</name>
    <message>
        <location filename="../../ui/core_text.py" line="-278"/>
        <source>The action could not be completed.</source>
        <translation>কাজটি সম্পন্ন করা যায়নি।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The request could not be carried out.</source>
        <translation>অনুরোধটি পালন করা যায়নি।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database was not found.</source>
        <translation>ডেটাবেজ খুঁজে পাওয়া যায়নি।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A database already exists there.</source>
        <translation>সেখানে আগে থেকেই একটি ডেটাবেজ আছে।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The passphrase or recovery code is not correct.</source>
        <translation>পাসফ্রেজ বা রিকভারি কোড সঠিক নয়।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database is locked.</source>
        <translation>ডেটাবেজটি লক করা আছে।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key file is missing.</source>
        <translation>কী ফাইলটি পাওয়া যাচ্ছে না।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file is not an NSSS database.</source>
        <translation>এই ফাইলটি এনএসএসএস ডেটাবেজ নয়।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database is damaged.</source>
        <translation>ডেটাবেজটি ক্ষতিগ্রস্ত।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The disk is full.</source>
        <translation>ডিস্কে আর জায়গা নেই।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup failed.</source>
        <translation>ব্যাকআপ নেওয়া যায়নি।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database could not be upgraded.</source>
        <translation>ডেটাবেজ হালনাগাদ করা যায়নি।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled.</source>
        <translation>বাতিল করা হয়েছে।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sync could not be completed.</source>
        <translation>সিঙ্ক সম্পন্ন করা যায়নি।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This installation is not enrolled with the GED server.</source>
        <translation>এই ইনস্টলেশন জিইডি সার্ভারে নিবন্ধিত নয়।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The GED server could not be reached.</source>
        <translation>জিইডি সার্ভারের সঙ্গে যোগাযোগ করা যায়নি।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The GED server refused the request.</source>
        <translation>জিইডি সার্ভার অনুরোধটি প্রত্যাখ্যান করেছে।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This data belongs to another ministry or to GED.</source>
        <translation>এই ডেটা অন্য মন্ত্রণালয়ের বা জিইডির।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data from the server could not be verified, so it was not accepted.</source>
        <translation>সার্ভার থেকে আসা ডেটা যাচাই করা যায়নি, তাই তা গ্রহণ করা হয়নি।</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location line="+6"/>
        <source>The passphrase is not correct.</source>
        <translation>পাসফ্রেজটি সঠিক নয়।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recovery code is not correct.</source>
        <translation>রিকভারি কোডটি সঠিক নয়।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the keyboard language and Caps Lock, then try again. Nothing was changed.</source>
        <translation>কিবোর্ডের ভাষা ও ক্যাপস লক দেখে নিয়ে আবার চেষ্টা করুন। কোনো কিছু পরিবর্তন করা হয়নি।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This database is locked.</source>
        <translation>এই ডেটাবেজটি লক করা আছে।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The passphrase must have at least 10 characters.</source>
        <translation>পাসফ্রেজে কমপক্ষে ১০টি অক্ষর থাকতে হবে।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A short sentence in English or Bangla is easy to remember and hard to guess.</source>
        <translation>ইংরেজি বা বাংলায় একটি ছোট বাক্য মনে রাখা সহজ, কিন্তু অনুমান করা কঠিন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An empty passphrase was given.</source>
        <translation>পাসফ্রেজ খালি রাখা হয়েছে।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the passphrase.</source>
        <translation>পাসফ্রেজটি লিখুন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled by the user; nothing was written.</source>
        <translation>ব্যবহারকারী বাতিল করেছেন; কিছুই সংরক্ষণ করা হয়নি।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This database already holds programmes.</source>
        <translation>এই ডেটাবেজে আগে থেকেই কর্মসূচি রয়েছে।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build the demo into a new database file.</source>
        <translation>ডেমো ডেটা একটি নতুন ডেটাবেজ ফাইলে তৈরি করুন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open it instead, or choose another file name. Nothing was changed.</source>
        <translation>বরং সেটিই খুলুন, অথবা অন্য একটি ফাইলের নাম বেছে নিন। কোনো কিছু পরিবর্তন করা হয়নি।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore it from the backup that holds the database.</source>
        <translation>যে ব্যাকআপে ডেটাবেজটি আছে, সেখান থেকে এটি ফিরিয়ে আনুন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the .nsssdb file of your installation. Nothing was changed.</source>
        <translation>আপনার ইনস্টলেশনের .nsssdb ফাইলটি বেছে নিন। কোনো কিছু পরিবর্তন করা হয়নি।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This installation is not enrolled with a GED server.</source>
        <translation>এই ইনস্টলেশন কোনো জিইডি সার্ভারে নিবন্ধিত নয়।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This installation is not enrolled; nothing can be sent.</source>
        <translation>এই ইনস্টলেশন নিবন্ধিত নয়; কিছুই পাঠানো যাবে না।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This installation is not enrolled, so it has nothing to send.</source>
        <translation>এই ইনস্টলেশন নিবন্ধিত নয়, তাই পাঠানোর মতো কিছু নেই।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No enrolment code was given.</source>
        <translation>কোনো নিবন্ধন কোড দেওয়া হয়নি।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s answer to the enrolment does not match this installation&apos;s key. Nothing was stored.</source>
        <translation>নিবন্ধনের জবাবে সার্ভার যা পাঠিয়েছে তা এই ইনস্টলেশনের কী-এর সঙ্গে মেলে না। কিছুই সংরক্ষণ করা হয়নি।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server address must start with https:// (the data is confidential in transit).</source>
        <translation>সার্ভারের ঠিকানা https:// দিয়ে শুরু হতে হবে (পাঠানোর সময় ডেটা গোপন রাখতে হয়)।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the https:// address GED IT gave you.</source>
        <translation>জিইডির আইটি শাখা যে https:// ঠিকানা দিয়েছে সেটি ব্যবহার করুন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write it as https://sync.ged.gov.bd (as GED IT gave it).</source>
        <translation>ঠিকানাটি https://sync.ged.gov.bd ধরনে লিখুন (জিইডির আইটি শাখা যেভাবে দিয়েছে)।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy it again exactly as the GED administrator gave it.</source>
        <translation>জিইডির প্রশাসক যেভাবে দিয়েছেন, হুবহু সেভাবে আবার কপি করুন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+136"/>
        <source>Check the server address.</source>
        <translation>সার্ভারের ঠিকানা পরীক্ষা করুন।</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>Check the server address; report this to GED IT.</source>
        <translation>সার্ভারের ঠিকানা পরীক্ষা করুন; বিষয়টি জিইডির আইটি শাখাকে জানান।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the server address; if GED rotated its keys, sync again once the new keys are published.</source>
        <translation>সার্ভারের ঠিকানা পরীক্ষা করুন; জিইডি তার কী বদলে থাকলে নতুন কী প্রকাশের পর আবার সিঙ্ক করুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Something between this PC and the GED server altered it; report this to GED IT.</source>
        <translation>এই কম্পিউটার ও জিইডি সার্ভারের মাঝখানে কিছু একটা এটি বদলে দিয়েছে; বিষয়টি জিইডির আইটি শাখাকে জানান।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server sent no server-keys document.</source>
        <translation>সার্ভার কোনো সার্ভার-কী দলিল পাঠায়নি।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s keys are not signed by the GED root key given for this installation.</source>
        <translation>সার্ভারের কী এই ইনস্টলেশনের জন্য দেওয়া জিইডি রুট কী দিয়ে স্বাক্ষরিত নয়।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server-keys document lists no keys.</source>
        <translation>সার্ভার-কী দলিলে কোনো কী নেই।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report this to GED IT.</source>
        <translation>বিষয়টি জিইডির আইটি শাখাকে জানান।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report this to GED IT at once.</source>
        <translation>বিষয়টি এখনই জিইডির আইটি শাখাকে জানান।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report this to GED IT with the words above.</source>
        <translation>ওপরের বার্তাসহ বিষয়টি জিইডির আইটি শাখাকে জানান।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not edit until GED IT confirms the server; report this message to them.</source>
        <translation>জিইডির আইটি শাখা সার্ভারটি নিশ্চিত না করা পর্যন্ত কিছু সম্পাদনা করবেন না; এই বার্তাটি তাদের জানান।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server sent no signed checkpoint; nothing was applied.</source>
        <translation>সার্ভার কোনো স্বাক্ষরিত চেকপয়েন্ট পাঠায়নি; কিছুই প্রয়োগ করা হয়নি।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s checkpoint is malformed; nothing was applied.</source>
        <translation>সার্ভারের চেকপয়েন্ট ত্রুটিপূর্ণ; কিছুই প্রয়োগ করা হয়নি।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server sent rows beyond its own checkpoint; nothing was applied.</source>
        <translation>সার্ভার নিজের চেকপয়েন্টের বাইরের সারি পাঠিয়েছে; কিছুই প্রয়োগ করা হয়নি।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s log does not end at the head its checkpoint signs; nothing was applied.</source>
        <translation>সার্ভারের লগ তার চেকপয়েন্টে স্বাক্ষরিত শেষ এন্ট্রিতে শেষ হয়নি; কিছুই প্রয়োগ করা হয়নি।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s answer is not a page of rows.</source>
        <translation>সার্ভারের জবাব সারির কোনো পাতা নয়।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s receipt is incomplete; it was not accepted.</source>
        <translation>সার্ভারের প্রাপ্তিস্বীকার অসম্পূর্ণ; এটি গ্রহণ করা হয়নি।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Install the newer version of NSSS M&amp;E Desktop.</source>
        <translation>এনএসএসএস পরিবীক্ষণ ও মূল্যায়ন ডেস্কটপের নতুন সংস্করণ ইনস্টল করুন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Install the newer version of NSSS M&amp;E Desktop, then sync again.</source>
        <translation>এনএসএসএস পরিবীক্ষণ ও মূল্যায়ন ডেস্কটপের নতুন সংস্করণ ইনস্টল করে আবার সিঙ্ক করুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This happens when local reference data was not created from GED&apos;s baseline. Contact GED IT.</source>
        <translation>এই কম্পিউটারের মৌলিক ডেটা জিইডির বেসলাইন থেকে তৈরি না হলে এমন হয়। জিইডির আইটি শাখার সঙ্গে যোগাযোগ করুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Later change sets wait behind it. Contact GED IT with this message.</source>
        <translation>পরের পরিবর্তন-সেটগুলো এটির পেছনে অপেক্ষা করছে। এই বার্তাসহ জিইডির আইটি শাখার সঙ্গে যোগাযোগ করুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the network connection and try again later; every change is kept in the outbox until the server confirms it.</source>
        <translation>নেটওয়ার্ক সংযোগ পরীক্ষা করে পরে আবার চেষ্টা করুন; সার্ভার নিশ্চিত না করা পর্যন্ত প্রতিটি পরিবর্তন আউটবক্সে রাখা থাকে।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the connection; the next sync continues where this one stopped.</source>
        <translation>সংযোগ পরীক্ষা করুন; পরের সিঙ্ক এটি যেখানে থেমেছে সেখান থেকে চলবে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync again later; the upload resumes where it stopped.</source>
        <translation>পরে আবার সিঙ্ক করুন; আপলোড যেখানে থেমেছে সেখান থেকে আবার চলবে।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not retried automatically; correct the cause and sync again.</source>
        <translation>এটি স্বয়ংক্রিয়ভাবে আবার চেষ্টা করা হবে না; কারণটি ঠিক করে আবার সিঙ্ক করুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled by the user.</source>
        <translation>ব্যবহারকারী বাতিল করেছেন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled by the user; the transfer continues where it stopped at the next sync.</source>
        <translation>ব্যবহারকারী বাতিল করেছেন; পরের সিঙ্কে স্থানান্তর যেখানে থেমেছে সেখান থেকে চলবে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask GED (for reference data such as ministries and programmes) or the owning ministry to make this change. Nothing was written.</source>
        <translation>এই পরিবর্তনটি করতে জিইডিকে (মন্ত্রণালয় ও কর্মসূচির মতো মৌলিক ডেটার ক্ষেত্রে) অথবা সংশ্লিষ্ট মন্ত্রণালয়কে অনুরোধ করুন। কিছুই সংরক্ষণ করা হয়নি।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shorten the long text (note, explanation or comment) and save again.</source>
        <translation>দীর্ঘ লেখাটি (টীকা, ব্যাখ্যা বা মন্তব্য) ছোট করে আবার সংরক্ষণ করুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That conflict is already resolved.</source>
        <translation>এই দ্বন্দ্বটি আগেই নিষ্পত্তি হয়েছে।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server deleted this row after your edit; a deleted row cannot be brought back under the same identity.</source>
        <translation>আপনার সম্পাদনার পর সার্ভার এই সারিটি মুছে ফেলেছে; মুছে ফেলা সারি একই পরিচয়ে ফিরিয়ে আনা যায় না।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An attachment changed while it was being written.</source>
        <translation>লেখার সময় একটি সংযুক্তি বদলে গেছে।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export again.</source>
        <translation>আবার এক্সপোর্ট করুন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a new file name.</source>
        <translation>নতুন একটি ফাইলের নাম বেছে নিন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an existing folder.</source>
        <translation>বিদ্যমান একটি ফোল্ডার বেছে নিন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free some space or choose another drive.</source>
        <translation>কিছু জায়গা খালি করুন অথবা অন্য ড্রাইভ বেছে নিন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the file name.</source>
        <translation>ফাইলের নাম পরীক্ষা করুন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the .nsss-reply file GED IT gave you.</source>
        <translation>জিইডির আইটি শাখা যে .nsss-reply ফাইল দিয়েছে সেটি বেছে নিন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask GED IT for a new reply file; do not edit it.</source>
        <translation>জিইডির আইটি শাখার কাছে নতুন জবাব-ফাইল চান; ফাইলটি সম্পাদনা করবেন না।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import it on the PC that exported the file.</source>
        <translation>যে কম্পিউটার থেকে ফাইলটি এক্সপোর্ট করা হয়েছিল, সেখানে এটি ইমপোর্ট করুন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check which GED server made the reply.</source>
        <translation>জবাবটি কোন জিইডি সার্ভার তৈরি করেছে তা পরীক্ষা করুন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync once over the network, or import a newer reply.</source>
        <translation>একবার নেটওয়ার্কে সিঙ্ক করুন, অথবা আরও নতুন একটি জবাব ইমপোর্ট করুন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s checkpoint has expired: the data is marked stale, not synced.</source>
        <translation>সার্ভারের চেকপয়েন্টের মেয়াদ শেষ: ডেটা সিঙ্ক করা নয়, পুরোনো হতে পারে বলে চিহ্নিত হয়েছে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reply&apos;s checkpoint has expired: the data is marked stale, not synced.</source>
        <translation>জবাবের চেকপয়েন্টের মেয়াদ শেষ: ডেটা সিঙ্ক করা নয়, পুরোনো হতে পারে বলে চিহ্নিত হয়েছে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server lists this installation&apos;s key as revoked.</source>
        <translation>সার্ভারের তালিকায় এই ইনস্টলেশনের কী বাতিল হিসেবে আছে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the enrolment code (16 letters and digits in groups of four) or ask the GED administrator for a new one.</source>
        <translation>নিবন্ধন কোডটি পরীক্ষা করুন (চারটি করে চার দলে মোট ১৬টি অক্ষর ও অঙ্ক), অথবা জিইডির প্রশাসকের কাছে নতুন কোড চান।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enrolment codes are valid for 24 hours: ask the GED administrator for a new one.</source>
        <translation>নিবন্ধন কোড ২৪ ঘণ্টা বৈধ থাকে: জিইডির প্রশাসকের কাছে নতুন কোড চান।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each enrolment code works once: ask the GED administrator for a new one.</source>
        <translation>প্রতিটি নিবন্ধন কোড একবারই ব্যবহার করা যায়: জিইডির প্রশাসকের কাছে নতুন কোড চান।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try again; the sign-in took longer than five minutes.</source>
        <translation>আবার চেষ্টা করুন; সাইন-ইনে পাঁচ মিনিটের বেশি সময় লেগেছে।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This installation&apos;s key was revoked by GED. Ask the GED administrator to enrol it again; its unsent changes are kept.</source>
        <translation>জিইডি এই ইনস্টলেশনের কী বাতিল করেছে। আবার নিবন্ধনের জন্য জিইডির প্রশাসককে অনুরোধ করুন; না-পাঠানো পরিবর্তনগুলো রাখা আছে।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This installation&apos;s key was suspended (two different changes were sent with the same number). Contact GED IT before doing anything else.</source>
        <translation>এই ইনস্টলেশনের কী স্থগিত করা হয়েছে (একই নম্বরে দুটি ভিন্ন পরিবর্তন পাঠানো হয়েছিল)। অন্য কিছু করার আগে জিইডির আইটি শাখার সঙ্গে যোগাযোগ করুন।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server does not know this installation. Check the server address, or enrol again with a new code.</source>
        <translation>সার্ভার এই ইনস্টলেশনকে চেনে না। সার্ভারের ঠিকানা পরীক্ষা করুন, অথবা নতুন কোড দিয়ে আবার নিবন্ধন করুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This installation is enrolled with another GED server (pilot or production). Check the server address.</source>
        <translation>এই ইনস্টলেশন অন্য একটি জিইডি সার্ভারে (পাইলট বা মূল) নিবন্ধিত। সার্ভারের ঠিকানা পরীক্ষা করুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact GED IT: the server saw this installation&apos;s changes under another device.</source>
        <translation>জিইডির আইটি শাখার সঙ্গে যোগাযোগ করুন: সার্ভার এই ইনস্টলেশনের পরিবর্তন অন্য একটি ডিভাইসের নামে পেয়েছে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Install the newer version of NSSS M&amp;E Desktop, then sync again. Nothing was lost.</source>
        <translation>এনএসএসএস পরিবীক্ষণ ও মূল্যায়ন ডেস্কটপের নতুন সংস্করণ ইনস্টল করে আবার সিঙ্ক করুন। কিছুই হারায়নি।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A change set or file is larger than the server accepts.</source>
        <translation>একটি পরিবর্তন-সেট বা ফাইল সার্ভারের গ্রহণসীমার চেয়ে বড়।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The change touches data another ministry owns; ask GED or that ministry.</source>
        <translation>পরিবর্তনটি অন্য মন্ত্রণালয়ের ডেটায় হাত দেয়; জিইডি বা সেই মন্ত্রণালয়কে অনুরোধ করুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two different changes were sent under the same number. Contact GED IT; do not restore an older backup and sync it.</source>
        <translation>একই নম্বরে দুটি ভিন্ন পরিবর্তন পাঠানো হয়েছে। জিইডির আইটি শাখার সঙ্গে যোগাযোগ করুন; পুরোনো ব্যাকআপ ফিরিয়ে এনে সিঙ্ক করবেন না।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This installation&apos;s changes do not follow on from those the server has. Contact GED IT; do not restore an older backup and sync it.</source>
        <translation>এই ইনস্টলেশনের পরিবর্তনগুলো সার্ভারে থাকা পরিবর্তনের ধারাবাহিকতায় নেই। জিইডির আইটি শাখার সঙ্গে যোগাযোগ করুন; পুরোনো ব্যাকআপ ফিরিয়ে এনে সিঙ্ক করবেন না।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Evidence files can be at most 50 MiB: attach a smaller scan or split it.</source>
        <translation>প্রমাণক ফাইল সর্বোচ্চ ৫০ মেবিবাইট হতে পারে: ছোট স্ক্যান সংযুক্ত করুন অথবা ফাইলটি ভাগ করুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach the file again; it may not have finished copying.</source>
        <translation>ফাইলটি আবার সংযুক্ত করুন; সম্ভবত এর কপি সম্পূর্ণ হয়নি।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename the evidence file to a plain, readable name and attach it again.</source>
        <translation>প্রমাণক ফাইলটির একটি সহজ, পাঠযোগ্য নাম দিয়ে আবার সংযুক্ত করুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach a PDF, an image or a Word, Excel or PowerPoint file.</source>
        <translation>পিডিএফ, ছবি অথবা ওয়ার্ড, এক্সেল বা পাওয়ারপয়েন্ট ফাইল সংযুক্ত করুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file was damaged on the way; sync again.</source>
        <translation>পথে ফাইলটি ক্ষতিগ্রস্ত হয়েছে; আবার সিঙ্ক করুন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is not on the server yet; it arrives with a later sync.</source>
        <translation>ফাইলটি এখনো সার্ভারে নেই; পরের কোনো সিঙ্কে আসবে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its owner&apos;s upload is not finished; it arrives with a later sync.</source>
        <translation>এর মালিকের আপলোড এখনো শেষ হয়নি; পরের কোনো সিঙ্কে আসবে।</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+3"/>
        <source>Enrol it on the Sync screen (Enrol this installation…).</source>
        <translation>&apos;সিঙ্ক&apos; পর্দায় নিবন্ধন করুন (&apos;এই ইনস্টলেশন নিবন্ধন করুন…&apos;)।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enrol it first on the Sync screen; enrolment needs the network once, or ask GED IT.</source>
        <translation>আগে &apos;সিঙ্ক&apos; পর্দায় নিবন্ধন করুন; নিবন্ধনের জন্য একবার নেটওয়ার্ক লাগে, নইলে জিইডির আইটি শাখাকে অনুরোধ করুন।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask the GED administrator for an enrolment code.</source>
        <translation>জিইডির প্রশাসকের কাছে একটি নিবন্ধন কোড চান।</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>The Sync screen lists the open conflicts.</source>
        <translation>&apos;সিঙ্ক&apos; পর্দায় অনিষ্পন্ন দ্বন্দ্বগুলোর তালিকা আছে।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sync first. If the server refuses them, ask GED IT; never delete a database whose changes have not all been delivered.</source>
        <translation>আগে সিঙ্ক করুন। সার্ভার সেগুলো প্রত্যাখ্যান করলে জিইডির আইটি শাখাকে জানান; যে ডেটাবেজের সব পরিবর্তন পৌঁছায়নি তা কখনো মুছবেন না।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enrolling again is only needed after GED revoked this installation; ask GED IT.</source>
        <translation>জিইডি এই ইনস্টলেশন বাতিল করলে তবেই আবার নিবন্ধন দরকার হয়; জিইডির আইটি শাখাকে জিজ্ঞেস করুন।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the root key (the GED administrator gives it) and the server address; this may not be the GED server.</source>
        <translation>রুট কী (জিইডির প্রশাসক দেন) ও সার্ভারের ঠিকানা পরীক্ষা করুন; এটি হয়তো জিইডির সার্ভার নয়।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose “Take the server&apos;s values”, then enter the data again as a new record if it is still needed.</source>
        <translation>“সার্ভারের মান নিন” বেছে নিন, তারপর দরকার হলে তথ্যটি নতুন রেকর্ড হিসেবে আবার লিখুন।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import the .nsss-reply file GED made from your export, not the exported .nsss-sync file itself.</source>
        <translation>আপনার এক্সপোর্ট থেকে জিইডি যে .nsss-reply ফাইল তৈরি করেছে সেটি ইমপোর্ট করুন, এক্সপোর্ট করা .nsss-sync ফাইলটি নয়।</translation>
    </message>
</context>
<context>
    <name>CoreStatus</name>
    <message>
        <location line="+6"/>
        <source>Reading the demo data…</source>
        <translation>ডেমো ডেটা পড়া হচ্ছে…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending changes…</source>
        <translation>পরিবর্তন পাঠানো হচ্ছে…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiving changes…</source>
        <translation>পরিবর্তন গ্রহণ করা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change sets sent</source>
        <translation>পরিবর্তন-সেট পাঠানো হয়েছে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync finished</source>
        <translation>সিঙ্ক শেষ হয়েছে</translation>
    </message>
    <message>
        <location filename="../../ui/screens/action_plan_text.py" line="+113"/>
        <source>Checking the rows…</source>
        <translation>সারিগুলো যাচাই করা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving…</source>
        <translation>সংরক্ষণ করা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking the file…</source>
        <translation>ফাইলটি যাচাই করা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storing the file (encrypted)…</source>
        <translation>ফাইলটি (এনক্রিপ্ট করে) সংরক্ষণ করা হচ্ছে…</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <location filename="../../ui/wizard_pages.py" line="+86"/>
        <location line="+2"/>
        <source>Creating the encrypted database…</source>
        <translation>এনক্রিপ্ট করা ডেটাবেজ তৈরি হচ্ছে…</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+2"/>
        <source>Loading the demo data…</source>
        <translation>ডেমো ডেটা লোড হচ্ছে…</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+2"/>
        <source>Create the database</source>
        <translation>ডেটাবেজ তৈরি করুন</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>After this step the recovery code is shown, once.</source>
        <translation>এই ধাপের পর রিকভারি কোডটি দেখানো হবে, শুধু একবার।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The encrypted database will be created at:
{path}</source>
        <translation>এনক্রিপ্ট করা ডেটাবেজটি এখানে তৈরি হবে:
{path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load the demo data (real public figures)</source>
        <translation>ডেমো ডেটা লোড করুন (প্রকৃত প্রকাশিত তথ্য)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The demo data are real published figures with their sources, for trying the app out. Leave this off for a working installation.</source>
        <translation>ডেমো ডেটা হলো উৎসসহ প্রকৃত প্রকাশিত তথ্য, অ্যাপটি ব্যবহার করে দেখার জন্য। দাপ্তরিক কাজের ইনস্টলেশনে এটি বন্ধ রাখুন।</translation>
    </message>
</context>
<context>
    <name>CumulativePanel</name>
    <message>
        <location filename="../../ui/screens/programme_cumulative.py" line="+125"/>
        <source>The range ends before it starts: choose a later end date.</source>
        <translation>সময়সীমার শেষ তারিখ শুরুর তারিখের আগে: পরের কোনো শেষ তারিখ বেছে নিন।</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Periods used: {periods}</source>
        <translation>ব্যবহৃত প্রতিবেদনকাল: {periods}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No figures cover whole periods in this range.</source>
        <translation>এই সময়সীমায় কোনো পূর্ণ প্রতিবেদনকালের সংখ্যা নেই।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Left out, only partly in the range ({count}):</source>
        <translation>সময়সীমায় আংশিকভাবে পড়ায় বাদ ({count}টি):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>sum over {months} months</source>
        <translation>{months} মাসের যোগফল</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>as of {period} (not summed)</source>
        <translation>{period} অনুযায়ী (যোগ করা হয়নি)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>as of {period}</source>
        <translation>{period} অনুযায়ী</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{period}: starts before {start} and ends after {end}</source>
        <translation>{period}: {start}-এর আগে শুরু এবং {end}-এর পরে শেষ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{period}: starts before {start}</source>
        <translation>{period}: {start}-এর আগে শুরু</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{period}: ends after {end}</source>
        <translation>{period}: {end}-এর পরে শেষ</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;From:</source>
        <translation>শুরুর তারিখ(&amp;F):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To:</source>
        <translation>শেষ তারিখ(&amp;T):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Calculate</source>
        <translation>হিসাব করুন(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure</source>
        <translation>পরিমাপ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>মান</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How</source>
        <translation>হিসাবের পদ্ধতি</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Money is summed over the whole periods in the range; beneficiaries are as of the last period, never summed. A period only partly in the range is left out, not pro-rated.</source>
        <translation>অর্থ সময়সীমার মধ্যকার পূর্ণ প্রতিবেদনকালগুলোর যোগফল; উপকারভোগী শেষ প্রতিবেদনকাল অনুযায়ী, কখনো যোগ করা হয় না। যে প্রতিবেদনকাল সময়সীমায় আংশিকভাবে পড়ে তা আনুপাতিক হারে ধরা হয় না, বাদ দেওয়া হয়।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Left out, only partly in the range:</source>
        <translation>সময়সীমায় আংশিকভাবে পড়ায় বাদ:</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <location filename="../../ui/screens/programme_dashboard_charts.py" line="+41"/>
        <source>Share of the budget by thematic cluster, {year}</source>
        <translation>থিম্যাটিক ক্লাস্টারভিত্তিক বাজেটের অংশ, {year}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the budget by programme, {year}</source>
        <translation>কর্মসূচিভিত্তিক বাজেটের অংশ, {year}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Beneficiaries by gender, by fiscal year</source>
        <translation>লিঙ্গভিত্তিক উপকারভোগী, অর্থবছরভিত্তিক</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beneficiaries by area (rural/urban), by fiscal year</source>
        <translation>এলাকাভিত্তিক (গ্রামীণ/শহুরে) উপকারভোগী, অর্থবছরভিত্তিক</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beneficiaries by division, by fiscal year</source>
        <translation>বিভাগভিত্তিক উপকারভোগী, অর্থবছরভিত্তিক</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each share is of the total counted once: programmes marked &apos;shared&apos;, components of an aggregate and published national budget lines are left out, as in the total.</source>
        <translation>প্রতিটি অংশ একবার গণনাকৃত মোটের অংশ: মোটের মতোই এখানেও &apos;যৌথ&apos; চিহ্নিত কর্মসূচি, সমন্বিত কর্মসূচির অংশ-কর্মসূচি এবং প্রকাশিত জাতীয় বাজেটের লাইন বাদ দেওয়া হয়েছে।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click a bar to see the figure rows behind it.</source>
        <translation>কোনো স্তম্ভের পেছনের তথ্যের সারি দেখতে তাতে ক্লিক করুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No programme in this view has reported this breakdown yet.</source>
        <translation>এখানে দেখানো কোনো কর্মসূচি এখনো এই বিভাজনের তথ্য দেয়নি।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>টীকা</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>{count} other programmes</source>
        <translation>অন্যান্য {count}টি কর্মসূচি</translation>
    </message>
</context>
<context>
    <name>DashboardColumns</name>
    <message>
        <location filename="../../ui/screens/programme_dashboard_text.py" line="+29"/>
        <source>Fiscal year</source>
        <translation>অর্থবছর</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiscal year (July to June)</source>
        <translation>অর্থবছর (জুলাই থেকে জুন)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beneficiaries
(lakh)</source>
        <translation>উপকারভোগী
(লাখ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active beneficiaries (lakh persons)</source>
        <translation>সক্রিয় উপকারভোগী (লাখ জন)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budget
(crore Tk)</source>
        <translation>বাজেট
(কোটি টাকা)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget (crore taka): the revised budget where one exists, else the original</source>
        <translation>বাজেট (কোটি টাকা): সংশোধিত বাজেট থাকলে সেটি, না থাকলে মূল বাজেট</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expenditure
(crore Tk)</source>
        <translation>ব্যয়
(কোটি টাকা)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expenditure (crore taka)</source>
        <translation>ব্যয় (কোটি টাকা)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disbursed
(crore Tk)</source>
        <translation>বিতরণকৃত
(কোটি টাকা)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount disbursed (crore taka)</source>
        <translation>বিতরণকৃত অর্থ (কোটি টাকা)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Benefit
(Tk per month)</source>
        <translation>মাসিক সুবিধা
(টাকা)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Benefit value (taka per beneficiary per month)</source>
        <translation>সুবিধার পরিমাণ (উপকারভোগীপ্রতি মাসিক টাকা)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Programmes
counted</source>
        <translation>গণনাকৃত
কর্মসূচি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programmes with a figure, each counted once</source>
        <translation>সংখ্যা পাওয়া গেছে এমন কর্মসূচি, প্রতিটি একবার গণনাকৃত</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+61"/>
        <source>Code</source>
        <translation>কোড</translation>
    </message>
    <message>
        <location line="-60"/>
        <location line="+61"/>
        <source>Programme code</source>
        <translation>কর্মসূচি কোড</translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+1"/>
        <location line="+60"/>
        <location line="+1"/>
        <source>Programme</source>
        <translation>কর্মসূচি</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Lead ministry</source>
        <translation>মূল মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead ministry or division</source>
        <translation>মূল মন্ত্রণালয় বা বিভাগ</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+37"/>
        <source>Thematic cluster</source>
        <translation>থিম্যাটিক ক্লাস্টার</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+37"/>
        <source>Thematic cluster of the NSSS</source>
        <translation>এনএসএসএস-এর থিম্যাটিক ক্লাস্টার</translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+37"/>
        <source>Life cycle</source>
        <translation>জীবনচক্র</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Life-cycle stages the programme serves</source>
        <translation>কর্মসূচিটি জীবনচক্রের যেসব পর্যায়ের জন্য</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Figure basis</source>
        <translation>সংখ্যার ভিত্তি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whose figure: this ministry&apos;s share, or a programme shared with other ministries</source>
        <translation>কার সংখ্যা: এই মন্ত্রণালয়ের অংশ, নাকি অন্য মন্ত্রণালয়ের সঙ্গে যৌথ কোনো কর্মসূচির</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+55"/>
        <source>Stage</source>
        <translation>পর্যায়</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Budget stage of the figure used</source>
        <translation>ব্যবহৃত সংখ্যার বাজেট পর্যায়</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Programmes</source>
        <translation>কর্মসূচি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programmes in this group</source>
        <translation>এই ভাগের কর্মসূচি</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of
budget (%)</source>
        <translation>বাজেটের
অংশ (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the total budget, counted once (%)</source>
        <translation>মোট বাজেটের অংশ, একবার গণনাকৃত (%)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Female
(lakh)</source>
        <translation>নারী
(লাখ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Female (lakh)</source>
        <translation>নারী (লাখ)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Male
(lakh)</source>
        <translation>পুরুষ
(লাখ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Male (lakh)</source>
        <translation>পুরুষ (লাখ)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Third gender
(lakh)</source>
        <translation>তৃতীয় লিঙ্গ
(লাখ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Third gender (lakh)</source>
        <translation>তৃতীয় লিঙ্গ (লাখ)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rural
(lakh)</source>
        <translation>গ্রামীণ
(লাখ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rural (lakh)</source>
        <translation>গ্রামীণ (লাখ)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Urban
(lakh)</source>
        <translation>শহুরে
(লাখ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urban (lakh)</source>
        <translation>শহুরে (লাখ)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Life-cycle stage</source>
        <translation>জীবনচক্রের পর্যায়</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Ministry/Division</source>
        <translation>মন্ত্রণালয়/বিভাগ</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>Implementing ministry or division</source>
        <translation>বাস্তবায়নকারী মন্ত্রণালয় বা বিভাগ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Programmes
reporting</source>
        <translation>তথ্যদানকারী
কর্মসূচি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programmes that reported this breakdown</source>
        <translation>যেসব কর্মসূচি এই বিভাজনের তথ্য দিয়েছে</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ministry share</source>
        <translation>মন্ত্রণালয়ের অংশ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The ministry whose share the row is, or the whole programme</source>
        <translation>সারিটি যে মন্ত্রণালয়ের অংশ, অথবা পুরো কর্মসূচি</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period</source>
        <translation>প্রতিবেদনকাল</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiscal year, or the part of it reported</source>
        <translation>অর্থবছর, অথবা তার যে অংশের তথ্য দেওয়া হয়েছে</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stage of the figure</source>
        <translation>সংখ্যার পর্যায়</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source</source>
        <translation>উৎস</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source id (see About and sources)</source>
        <translation>উৎসের আইডি (&apos;পরিচিতি ও উৎস&apos; দেখুন)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approval</source>
        <translation>অনুমোদন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approval state of the row</source>
        <translation>সারিটির অনুমোদনের অবস্থা</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Used</source>
        <translation>ব্যবহৃত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whether the number shown uses this row</source>
        <translation>দেখানো সংখ্যায় এই সারিটি ব্যবহৃত হয়েছে কি না</translation>
    </message>
</context>
<context>
    <name>DashboardTableModel</name>
    <message>
        <location filename="../../ui/models/table_model.py" line="+75"/>
        <source>Not available: no figure was found for this year.</source>
        <translation>পাওয়া যায়নি: এই বছরের কোনো সংখ্যা পাওয়া যায়নি।</translation>
    </message>
</context>
<context>
    <name>DashboardValues</name>
    <message>
        <location filename="../../ui/screens/programme_dashboard_text.py" line="+4"/>
        <source>shared</source>
        <translation>যৌথ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ministry share</source>
        <translation>মন্ত্রণালয়ের অংশ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total</source>
        <translation>মোট</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>হ্যাঁ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved</source>
        <translation>অনুমোদিত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>submitted</source>
        <translation>দাখিলকৃত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>draft</source>
        <translation>খসড়া</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>returned</source>
        <translation>ফেরত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(whole programme)</source>
        <translation>(পুরো কর্মসূচি)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(entered)</source>
        <translation>(এন্ট্রি করা)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(not classified)</source>
        <translation>(শ্রেণিভুক্ত নয়)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total (each programme once)</source>
        <translation>মোট (প্রতিটি কর্মসূচি একবার)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Female</source>
        <translation>নারী</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Male</source>
        <translation>পুরুষ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Third gender</source>
        <translation>তৃতীয় লিঙ্গ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rural</source>
        <translation>গ্রামীণ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urban</source>
        <translation>শহুরে</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Beneficiaries</source>
        <translation>উপকারভোগী</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget</source>
        <translation>বাজেট</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expenditure</source>
        <translation>ব্যয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount disbursed</source>
        <translation>বিতরণকৃত অর্থ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Benefit value</source>
        <translation>সুবিধার পরিমাণ</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>n/a</source>
        <translation>তথ্য নেই</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../../ui/screens/programme_dashboard_widgets.py" line="+51"/>
        <location line="+2"/>
        <source>Loading the figures behind this number…</source>
        <translation>এই সংখ্যার পেছনের তথ্য লোড হচ্ছে…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The figures behind this number could not be loaded.</source>
        <translation>এই সংখ্যার পেছনের তথ্য লোড করা যায়নি।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Figures behind a number</source>
        <translation>সংখ্যার পেছনের তথ্য</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Includes submitted figures that GED has not yet approved.</source>
        <translation>জিইডি এখনো অনুমোদন করেনি এমন দাখিলকৃত সংখ্যাও অন্তর্ভুক্ত।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The rows marked &quot;yes&quot; under Used make up the number; the others were reported too, but the rule chose another row for that year.</source>
        <translation>“ব্যবহৃত” কলামে “হ্যাঁ” চিহ্নিত সারিগুলো নিয়েই সংখ্যাটি গঠিত; বাকি সারিগুলোও প্রতিবেদিত হয়েছিল, তবে নিয়ম অনুযায়ী সেই বছরের জন্য অন্য সারি বেছে নেওয়া হয়েছে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How the number is made</source>
        <translation>সংখ্যাটি কীভাবে গঠিত</translation>
    </message>
</context>
<context>
    <name>DrilldownDialog</name>
    <message>
        <location filename="../../ui/screens/programme_drilldown.py" line="+73"/>
        <source>The figures behind this number</source>
        <translation>এই সংখ্যার পেছনের তথ্য</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every figure row for this number; the one marked “yes” is the one used.</source>
        <translation>এই সংখ্যার প্রতিটি তথ্যের সারি; “হ্যাঁ” চিহ্নিত সারিটিই ব্যবহৃত হয়েছে।</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../ui/screens/sync.py" line="+246"/>
        <source>Enrol this installation</source>
        <translation>এই ইনস্টলেশন নিবন্ধন করুন</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>GED server address</source>
        <translation>জিইডি সার্ভারের ঠিকানা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-time enrolment code</source>
        <translation>এককালীন নিবন্ধন কোড</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GED root key (from the installer&apos;s configuration)</source>
        <translation>জিইডির রুট কী (ইনস্টলারের কনফিগারেশন থেকে)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The code comes from the GED administrator and works once, for 24 hours. This PC makes its own signing key; the key never leaves it.</source>
        <translation>কোডটি জিইডির প্রশাসক দেন; এটি একবারই, ২৪ ঘণ্টার মধ্যে ব্যবহার করা যায়। এই কম্পিউটার নিজের স্বাক্ষর-কী তৈরি করে; সেই কী কখনো এই কম্পিউটারের বাইরে যায় না।</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="+43"/>
        <source>What to do: {hint}</source>
        <translation>করণীয়: {hint}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>NSSS M&amp;E Desktop</source>
        <translation>এনএসএসএস পরিবীক্ষণ ও মূল্যায়ন ডেস্কটপ</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Something unexpected went wrong.</source>
        <translation>অপ্রত্যাশিত একটি সমস্যা হয়েছে।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The details were written to the log file {path}. If this happens again, send that file to GED IT.</source>
        <translation>বিস্তারিত তথ্য লগ ফাইল {path}-এ লেখা হয়েছে। আবার এমন হলে ফাইলটি জিইডির আইটি শাখায় পাঠান।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy diagnostic info</source>
        <translation>ত্রুটির তথ্য কপি করুন</translation>
    </message>
</context>
<context>
    <name>EvidenceKind</name>
    <message>
        <location filename="../../ui/screens/action_plan_text.py" line="-112"/>
        <source>Circular</source>
        <translation>পরিপত্র</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gazette</source>
        <translation>গেজেট</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes</source>
        <translation>কার্যবিবরণী</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report</source>
        <translation>প্রতিবেদন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photo</source>
        <translation>ছবি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>অন্যান্য</translation>
    </message>
</context>
<context>
    <name>EvidenceRefusal</name>
    <message>
        <location line="+22"/>
        <source>a PDF</source>
        <translation>পিডিএফ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>an image</source>
        <translation>ছবি</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>a Word document</source>
        <translation>ওয়ার্ড ডকুমেন্ট</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>an Excel workbook</source>
        <translation>এক্সেল ওয়ার্কবুক</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>a PowerPoint presentation</source>
        <translation>পাওয়ারপয়েন্ট উপস্থাপনা</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>an EXE program</source>
        <translation>একটি EXE প্রোগ্রাম</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a Linux program</source>
        <translation>একটি লিনাক্স প্রোগ্রাম</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a script</source>
        <translation>একটি স্ক্রিপ্ট</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a web page or XML/SVG document</source>
        <translation>একটি ওয়েব পেজ বা XML/SVG ডকুমেন্ট</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a compressed archive</source>
        <translation>একটি সংকুচিত আর্কাইভ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an RTF document (save it as PDF or DOCX)</source>
        <translation>একটি RTF ডকুমেন্ট (এটি PDF বা DOCX হিসেবে সংরক্ষণ করুন)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an Office document with macros</source>
        <translation>ম্যাক্রোযুক্ত একটি অফিস ডকুমেন্ট</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file is larger than 50 MiB: attach a smaller scan or split the document.</source>
        <translation>ফাইলটি ৫০ MiB-এর চেয়ে বড়: ছোট আকারের স্ক্যান সংযুক্ত করুন অথবা দলিলটি ভাগ করে দিন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file is empty (0 bytes). Choose it again; it may not have finished copying.</source>
        <translation>ফাইলটি খালি (০ বাইট)। আবার বেছে নিন; হয়তো এটির কপি হওয়া শেষ হয়নি।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file&apos;s name has no usable characters. Rename the file and attach it again.</source>
        <translation>ফাইলের নামে ব্যবহারযোগ্য কোনো অক্ষর নেই। ফাইলটির নাম বদলে আবার সংযুক্ত করুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file changed while it was being attached. Close any program that is editing it and attach it again.</source>
        <translation>সংযুক্ত করার সময় ফাইলটি বদলে গেছে। যে প্রোগ্রামে এটি সম্পাদনা করা হচ্ছে সেটি বন্ধ করে আবার সংযুক্ত করুন।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This activity is no longer in the database.</source>
        <translation>এই কার্যক্রমটি আর ডেটাবেজে নেই।</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>a file type that is not accepted</source>
        <translation>এমন এক ধরনের ফাইল যা গ্রহণযোগ্য নয়</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This file is {what}, not {claimed}: only PDF, images, Word, Excel and PowerPoint files are accepted.</source>
        <translation>এই ফাইলটি {what}, {claimed} নয়: শুধু পিডিএফ, ছবি, ওয়ার্ড, এক্সেল ও পাওয়ারপয়েন্ট ফাইল গ্রহণ করা হয়।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This file is {what}: only PDF, images, Word, Excel and PowerPoint files are accepted.</source>
        <translation>এই ফাইলটি {what}: শুধু পিডিএফ, ছবি, ওয়ার্ড, এক্সেল ও পাওয়ারপয়েন্ট ফাইল গ্রহণ করা হয়।</translation>
    </message>
</context>
<context>
    <name>EvidenceTab</name>
    <message>
        <location filename="../../ui/screens/action_plan_evidence.py" line="+160"/>
        <source>Attach evidence</source>
        <translation>প্রমাণক সংযুক্ত করুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents and images (*.pdf *.png *.jpg *.jpeg *.gif *.webp *.tif *.tiff *.doc *.docx *.xls *.xlsx *.ppt *.pptx);;All files (*)</source>
        <translation>দলিল ও ছবি (*.pdf *.png *.jpg *.jpeg *.gif *.webp *.tif *.tiff *.doc *.docx *.xls *.xlsx *.ppt *.pptx);;সব ফাইল (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Attaching {name}…</source>
        <translation>{name} সংযুক্ত করা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attached: {title}. The file is stored encrypted in the database.</source>
        <translation>সংযুক্ত হয়েছে: {title}। ফাইলটি ডেটাবেজে এনক্রিপ্ট করে রাখা হয়েছে।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelled: nothing was written.</source>
        <translation>বাতিল করা হয়েছে: কিছুই সংরক্ষণ করা হয়নি।</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose a folder for the copy to open</source>
        <translation>যে ফোল্ডারে কপি রেখে খোলা হবে সেটি বেছে নিন</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Checking the stored file…</source>
        <translation>সংরক্ষিত ফাইলটি যাচাই করা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This image cannot be shown here; use Save a copy and open it with another program.</source>
        <translation>এই ছবিটি এখানে দেখানো যাচ্ছে না; &apos;একটি কপি সংরক্ষণ করুন&apos; ব্যবহার করে অন্য প্রোগ্রামে খুলুন।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preview: {title}</source>
        <translation>প্রাকদর্শন: {title}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save a copy into this folder</source>
        <translation>এই ফোল্ডারে একটি কপি সংরক্ষণ করুন</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saving a verified copy…</source>
        <translation>যাচাইকৃত কপি সংরক্ষণ করা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A verified copy was saved as {path}.</source>
        <translation>যাচাইকৃত একটি কপি {path} নামে সংরক্ষণ করা হয়েছে।</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No evidence yet. Attach the circular, gazette, minutes or report that shows the progress.</source>
        <translation>এখনো কোনো প্রমাণক নেই। অগ্রগতির প্রমাণ হিসেবে পরিপত্র, গেজেট, কার্যবিবরণী বা প্রতিবেদন সংযুক্ত করুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files are stored encrypted and checked before they are opened or copied.</source>
        <translation>ফাইলগুলো এনক্রিপ্ট করে রাখা হয় এবং খোলা বা কপি করার আগে যাচাই করা হয়।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Title</source>
        <translation>শিরোনাম</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>ধরন</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Document date</source>
        <translation>দলিলের তারিখ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>আকার</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>ফাইলের ধরন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Attach…</source>
        <translation>সংযুক্ত করুন(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>খুলুন(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save a copy…</source>
        <translation>একটি কপি সংরক্ষণ করুন(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>FiguresEntry</name>
    <message>
        <location filename="../../ui/screens/figures_entry_grid.py" line="+306"/>
        <source>Error</source>
        <translation>ত্রুটি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>সতর্কতা</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Level</source>
        <translation>ধরন</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+46"/>
        <location filename="../../ui/screens/figures_entry_model.py" line="+338"/>
        <source>Programme</source>
        <translation>কর্মসূচি</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Problem</source>
        <translation>সমস্যা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>বিস্তারিত</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{count} of {total}</source>
        <translation>{total}টির মধ্যে {count}টি</translation>
    </message>
    <message>
        <location line="+19"/>
        <location filename="../../ui/screens/figures_entry_model.py" line="+2"/>
        <source>State</source>
        <translation>অবস্থা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported</source>
        <translation>প্রতিবেদিত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not available (NA)</source>
        <translation>তথ্য নেই (NA)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing (blank)</source>
        <translation>অনুপস্থিত (খালি)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/figures_entry_model.py" line="-78"/>
        <source>{name} (shared)</source>
        <translation>{name} (যৌথ)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{count} error(s)</source>
        <translation>{count}টি ত্রুটি</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} warning(s)</source>
        <translation>{count}টি সতর্কতা</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{state}: this row is locked and cannot be changed here.</source>
        <translation>{state}: এই সারিটি লক করা, এখানে পরিবর্তন করা যাবে না।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not available (NA): reported as not available, which is not the same as blank or zero.</source>
        <translation>তথ্য নেই (NA): তথ্য নেই বলে জানানো হয়েছে; এটি খালি বা শূন্যের সমান নয়।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shared with other ministries: enter this ministry&apos;s share.</source>
        <translation>অন্য মন্ত্রণালয়ের সঙ্গে যৌথ: এই মন্ত্রণালয়ের অংশটি লিখুন।</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Code</source>
        <translation>কোড</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Explanation</source>
        <translation>ব্যাখ্যা</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issues</source>
        <translation>সমস্যা</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a number, NA (not available) or leave blank.</source>
        <translation>একটি সংখ্যা লিখুন, তথ্য না থাকলে NA লিখুন, অথবা খালি রাখুন।</translation>
    </message>
</context>
<context>
    <name>FiguresEntryScreen</name>
    <message>
        <location filename="../../ui/screens/figures_entry.py" line="+178"/>
        <source> (this installation)</source>
        <translation> (এই ইনস্টলেশন)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Unsaved figures</source>
        <translation>অসংরক্ষিত তথ্য</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The figures typed for {ministry}, {period} are not saved. Discard them and show the other choice?</source>
        <translation>{ministry}, {period}-এর জন্য লেখা তথ্য সংরক্ষণ করা হয়নি। সেগুলো বাদ দিয়ে অন্য বাছাইটি দেখাবেন?</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Loading the figures…</source>
        <translation>তথ্য লোড হচ্ছে…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Locked: {names}. Submitted or approved figures cannot be changed here; wait for GED&apos;s decision, or ask GED to return them.</source>
        <translation>লক করা: {names}। দাখিলকৃত বা অনুমোদিত তথ্য এখানে পরিবর্তন করা যায় না; জিইডির সিদ্ধান্তের অপেক্ষা করুন, অথবা তথ্য ফেরত পাঠাতে জিইডিকে অনুরোধ করুন।</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{code} is {state}: the row is locked and cannot be changed here.</source>
        <translation>{code}-এর অবস্থা {state}: সারিটি লক করা, এখানে পরিবর্তন করা যাবে না।</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Nothing has been entered for this period yet.</source>
        <translation>এই প্রতিবেদনকালের জন্য এখনো কিছু এন্ট্রি করা হয়নি।</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Checking the figures…</source>
        <translation>তথ্য যাচাই করা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{errors} error(s) and {warnings} warning(s): correct the errors before saving. Click a finding to go to its cell.</source>
        <translation>{errors}টি ত্রুটি ও {warnings}টি সতর্কতা: সংরক্ষণের আগে ত্রুটিগুলো সংশোধন করুন। কোনো সমস্যার ঘরে যেতে তাতে ক্লিক করুন।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No errors; {warnings} warning(s). The figures can be saved; the warnings are kept with them.</source>
        <translation>কোনো ত্রুটি নেই; {warnings}টি সতর্কতা। তথ্য সংরক্ষণ করা যাবে; সতর্কতাগুলো তথ্যের সঙ্গে রাখা হবে।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No problems found: the figures can be saved.</source>
        <translation>কোনো সমস্যা পাওয়া যায়নি: তথ্য সংরক্ষণ করা যাবে।</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Saving the figures…</source>
        <translation>তথ্য সংরক্ষণ করা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved as drafts: {inserted} new, {updated} changed, {unchanged} unchanged. GED sees them once they are submitted.</source>
        <translation>খসড়া হিসেবে সংরক্ষিত: {inserted}টি নতুন, {updated}টি পরিবর্তিত, {unchanged}টি অপরিবর্তিত। দাখিল করার পর জিইডি এগুলো দেখতে পাবে।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} warning(s) were saved with the figures.</source>
        <translation>তথ্যের সঙ্গে {count}টি সতর্কতা সংরক্ষিত হয়েছে।</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not saved: {count} error(s) must be corrected first. Nothing was written.</source>
        <translation>সংরক্ষিত হয়নি: আগে {count}টি ত্রুটি সংশোধন করতে হবে। কিছুই সংরক্ষণ করা হয়নি।</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Create an Excel template</source>
        <translation>এক্সেল টেমপ্লেট তৈরি করুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>এক্সেল ওয়ার্কবুক (*.xlsx)</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Writing the template…</source>
        <translation>টেমপ্লেট লেখা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The template for {ministry}, {period} was saved to {path}. Fill it in Excel and import it with “Import template…”.</source>
        <translation>{ministry}, {period}-এর টেমপ্লেট {path}-এ সংরক্ষণ করা হয়েছে। এক্সেলে পূরণ করে “টেমপ্লেট ইমপোর্ট…” দিয়ে ইমপোর্ট করুন।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import a filled-in template</source>
        <translation>পূরণ করা টেমপ্লেট ইমপোর্ট করুন</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import the Finance Division table</source>
        <translation>অর্থ বিভাগের সারণি ইমপোর্ট করুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbooks or CSV (*.xlsx *.csv)</source>
        <translation>এক্সেল ওয়ার্কবুক বা CSV (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Issues: {errors} error(s), {warnings} warning(s)</source>
        <translation>সমস্যা: {errors}টি ত্রুটি, {warnings}টি সতর্কতা</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Completeness and approval</source>
        <translation>পূর্ণাঙ্গতা ও অনুমোদন</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter programme figures</source>
        <translation>কর্মসূচির তথ্য এন্ট্রি</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One row per programme of the ministry. Money in crore taka (the benefit in taka per month), beneficiaries in persons; Bangla digits are fine. Type NA when a figure is not available, leave it blank when it is not known yet, and 0 only for a real zero. Enter moves down.</source>
        <translation>মন্ত্রণালয়ের প্রতিটি কর্মসূচির জন্য একটি সারি। অর্থ কোটি টাকায় (সুবিধা মাসিক টাকায়), উপকারভোগী জন হিসেবে; বাংলা অঙ্কও চলবে। তথ্য না থাকলে NA লিখুন, এখনো জানা না থাকলে খালি রাখুন, আর প্রকৃতই শূন্য হলে তবেই ০ লিখুন। এন্টার চাপলে নিচের ঘরে যাবে।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Ministry:</source>
        <translation>মন্ত্রণালয়(&amp;M):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Period:</source>
        <translation>প্রতিবেদনকাল(&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Check</source>
        <translation>যাচাই করুন(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as &amp;draft</source>
        <translation>খসড়া সংরক্ষণ(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create Excel &amp;template…</source>
        <translation>এক্সেল টেমপ্লেট তৈরি(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import template…</source>
        <translation>টেমপ্লেট ইমপোর্ট(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import &amp;Finance Division table…</source>
        <translation>অর্থ বিভাগের সারণি ইমপোর্ট(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red: error. Amber: warning, or NA (not available). Grey: locked.</source>
        <translation>লাল: ত্রুটি। হলুদ: সতর্কতা, অথবা NA (তথ্য নেই)। ধূসর: লক করা।</translation>
    </message>
</context>
<context>
    <name>FiguresImportDialog</name>
    <message>
        <location filename="../../ui/screens/figures_entry_import.py" line="+53"/>
        <source>New</source>
        <translation>নতুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>পরিবর্তিত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged</source>
        <translation>অপরিবর্তিত</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Checking the file; nothing is written…</source>
        <translation>ফাইলটি যাচাই করা হচ্ছে; কিছুই সংরক্ষণ করা হচ্ছে না…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Checking {file}…</source>
        <translation>{file} যাচাই করা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{status} ({count})</source>
        <translation>{status} ({count}টি)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The file cannot be imported: {count} problem(s) were found. Nothing was written. Correct the cells listed below in Excel and import it again.</source>
        <translation>ফাইলটি ইমপোর্ট করা যাবে না: {count}টি সমস্যা পাওয়া গেছে। কিছুই সংরক্ষণ করা হয়নি। নিচে তালিকাভুক্ত ঘরগুলো এক্সেলে সংশোধন করে ফাইলটি আবার ইমপোর্ট করুন।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file has no programme rows to import.</source>
        <translation>ফাইলটিতে ইমপোর্ট করার মতো কোনো কর্মসূচির সারি নেই।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing has been written yet. Importing would add {new} and change {changed} programme row(s); {same} are unchanged.</source>
        <translation>এখনো কিছুই সংরক্ষণ করা হয়নি। ইমপোর্ট করলে কর্মসূচির {new}টি সারি যোগ হবে ও {changed}টি সারি পরিবর্তিত হবে; {same}টি অপরিবর্তিত থাকবে।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ministry {ministry}, period {period}.</source>
        <translation>মন্ত্রণালয় {ministry}, প্রতিবেদনকাল {period}।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warnings are saved with the figures.</source>
        <translation>সতর্কতাগুলো তথ্যের সঙ্গে সংরক্ষিত হবে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Import to save them as drafts.</source>
        <translation>খসড়া হিসেবে সংরক্ষণ করতে &apos;ইমপোর্ট&apos; চাপুন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is nothing to change.</source>
        <translation>পরিবর্তন করার মতো কিছু নেই।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Error</source>
        <translation>ত্রুটি</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning</source>
        <translation>সতর্কতা</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{sheet}, row {row}, column {column}</source>
        <translation>{sheet}, সারি {row}, কলাম {column}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{sheet}, row {row}</source>
        <translation>{sheet}, সারি {row}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancelled: nothing was written.</source>
        <translation>বাতিল করা হয়েছে: কিছুই সংরক্ষণ করা হয়নি।</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Importing {file}…</source>
        <translation>{file} ইমপোর্ট করা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported {file}: {inserted} new, {updated} changed, {unchanged} unchanged programme row(s), saved as drafts.</source>
        <translation>{file} ইমপোর্ট করা হয়েছে: কর্মসূচির {inserted}টি নতুন, {updated}টি পরিবর্তিত ও {unchanged}টি অপরিবর্তিত সারি, খসড়া হিসেবে সংরক্ষিত।</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Import figures: Finance Division table</source>
        <translation>তথ্য ইমপোর্ট: অর্থ বিভাগের সারণি</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import figures: ministry template</source>
        <translation>তথ্য ইমপোর্ট: মন্ত্রণালয়ের টেমপ্লেট</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File: {path}</source>
        <translation>ফাইল: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiscal &amp;year:</source>
        <translation>অর্থবছর(&amp;Y):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as in the file</source>
        <translation>ফাইলে যেমন আছে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Budget:</source>
        <translation>বাজেট(&amp;B):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revised</source>
        <translation>সংশোধিত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposed</source>
        <translation>প্রস্তাবিত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Source id:</source>
        <translation>উৎসের আইডি(&amp;S):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>শিরোনাম(&amp;T):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Finance Division, Social Security Programmes, budget 2024-25</source>
        <translation>যেমন অর্থ বিভাগ, সামাজিক নিরাপত্তা কর্মসূচি, বাজেট ২০২৪-২৫</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Check</source>
        <translation>যাচাই করুন(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import</source>
        <translation>ইমপোর্ট(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme</source>
        <translation>কর্মসূচি</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>অবস্থান</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>অবস্থা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figures in the file</source>
        <translation>ফাইলের তথ্য</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>ধরন</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cell</source>
        <translation>ঘর</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>সমস্যা</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>বিস্তারিত</translation>
    </message>
</context>
<context>
    <name>FileType</name>
    <message>
        <location filename="../../ui/screens/action_plan_text.py" line="-154"/>
        <source>PDF</source>
        <translation>পিডিএফ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image</source>
        <translation>পিএনজি ছবি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JPEG image</source>
        <translation>জেপেগ ছবি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GIF image</source>
        <translation>জিআইএফ ছবি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebP image</source>
        <translation>ওয়েবপি ছবি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TIFF image</source>
        <translation>টিফ ছবি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word document</source>
        <translation>ওয়ার্ড ডকুমেন্ট</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook</source>
        <translation>এক্সেল ওয়ার্কবুক</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PowerPoint presentation</source>
        <translation>পাওয়ারপয়েন্ট উপস্থাপনা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word 97-2003 document</source>
        <translation>ওয়ার্ড ৯৭-২০০৩ ডকুমেন্ট</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel 97-2003 workbook</source>
        <translation>এক্সেল ৯৭-২০০৩ ওয়ার্কবুক</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PowerPoint 97-2003 presentation</source>
        <translation>পাওয়ারপয়েন্ট ৯৭-২০০৩ উপস্থাপনা</translation>
    </message>
</context>
<context>
    <name>Filters</name>
    <message>
        <location filename="../../ui/screens/committee.py" line="-180"/>
        <location filename="../../ui/screens/reform_groups.py" line="+76"/>
        <location filename="../../ui/screens/reports.py" line="+93"/>
        <location filename="../../ui/screens/search.py" line="+88"/>
        <source>All action plans</source>
        <translation>সব কর্মপরিকল্পনা</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="+2"/>
        <location filename="../../ui/screens/search.py" line="+2"/>
        <source>All ministries</source>
        <translation>সব মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/screens/search.py" line="+1"/>
        <source>All clusters</source>
        <translation>সব ক্লাস্টার</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/wizard.py" line="+270"/>
        <source>Set up NSSS M&amp;E Desktop</source>
        <translation>এনএসএসএস পরিবীক্ষণ ও মূল্যায়ন ডেস্কটপ চালু করুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt; Back</source>
        <translation>&lt; পেছনে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next &gt;</source>
        <translation>পরবর্তী &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish</source>
        <translation>শেষ করুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>বাতিল</translation>
    </message>
</context>
<context>
    <name>GroupBy</name>
    <message>
        <location filename="../../ui/screens/reports.py" line="-31"/>
        <source>Ministry or division</source>
        <translation>মন্ত্রণালয় বা বিভাগ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thematic cluster</source>
        <translation>থিম্যাটিক ক্লাস্টার</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>অবস্থা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objective</source>
        <translation>উদ্দেশ্য</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action plan</source>
        <translation>কর্মপরিকল্পনা</translation>
    </message>
</context>
<context>
    <name>GroupScreen</name>
    <message>
        <location filename="../../ui/screens/reform_groups.py" line="+99"/>
        <location line="+2"/>
        <source>Loading…</source>
        <translation>লোড হচ্ছে…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The data could not be loaded.</source>
        <translation>ডেটা লোড করা যায়নি।</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{title}. Activities: {count}. Double-click or press Enter to open one.</source>
        <translation>{title}। কার্যক্রম: {count}টি। কোনোটি খুলতে তাতে ডাবল-ক্লিক করুন বা এন্টার চাপুন।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All activities: {count}. Click a count above to narrow the list.</source>
        <translation>সব কার্যক্রম: {count}টি। তালিকা ছোট করতে ওপরের কোনো সংখ্যায় ক্লিক করুন।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Activities ({count})</source>
        <translation>কার্যক্রম ({count})</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>As of:</source>
        <translation>অবস্থার তারিখ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action plan:</source>
        <translation>কর্মপরিকল্পনা:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show all activities</source>
        <translation>সব কার্যক্রম দেখুন</translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <location filename="../../ui/reform_text.py" line="-11"/>
        <source>No responsible ministry</source>
        <translation>দায়িত্বপ্রাপ্ত মন্ত্রণালয় উল্লেখ নেই</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No thematic cluster</source>
        <translation>কোনো থিম্যাটিক ক্লাস্টারে নেই</translation>
    </message>
</context>
<context>
    <name>HitKind</name>
    <message>
        <location line="-20"/>
        <source>Objective</source>
        <translation>উদ্দেশ্য</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>কার্যক্রম</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indicator</source>
        <translation>সূচক</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>মন্তব্য</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status note</source>
        <translation>অবস্থার নোট</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>প্রমাণক</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <location filename="../../ui/screens/action_plan_text.py" line="+53"/>
        <source>No.</source>
        <translation>ক্রমিক</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objective</source>
        <translation>উদ্দেশ্য</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New objective</source>
        <translation>নতুন উদ্দেশ্য</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>কার্যক্রম</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Performance indicators</source>
        <translation>কর্মসম্পাদন সূচক</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeframe</source>
        <translation>সময়সীমা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due date</source>
        <translation>নির্ধারিত তারিখ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recurrence</source>
        <translation>পুনরাবৃত্তি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsible ministry</source>
        <translation>দায়িত্বপ্রাপ্ত মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared responsibility</source>
        <translation>সহযোগী মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan title</source>
        <translation>পরিকল্পনার শিরোনাম</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New plan</source>
        <translation>নতুন পরিকল্পনা</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../ui/screens/action_plan_import.py" line="+123"/>
        <location line="+4"/>
        <source>Checking the workbook…</source>
        <translation>ওয়ার্কবুকটি যাচাই করা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Plan</source>
        <translation>পরিকল্পনা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objectives</source>
        <translation>উদ্দেশ্যসমূহ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New activities ({count})</source>
        <translation>নতুন কার্যক্রম ({count})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed activities ({count})</source>
        <translation>পরিবর্তিত কার্যক্রম ({count})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged ({count})</source>
        <translation>অপরিবর্তিত ({count})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the register but not in the sheet ({count}): kept, never deleted</source>
        <translation>রেজিস্টারে আছে কিন্তু শিটে নেই ({count}): রেখে দেওয়া হবে, কখনো মোছা হবে না</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The workbook matches the register of {plan}: there is nothing to import.</source>
        <translation>ওয়ার্কবুকটি {plan}-এর রেজিস্টারের সঙ্গে হুবহু মেলে: ইমপোর্ট করার মতো কিছু নেই।</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing has been written yet. Importing into {plan} would add {insert} activities and update {update}; {same} are unchanged and {missing} are not in the sheet (they are kept).</source>
        <translation>এখনো কিছুই সংরক্ষণ করা হয়নি। {plan}-এ ইমপোর্ট করলে {insert}টি কার্যক্রম যোগ হবে এবং {update}টি হালনাগাদ হবে; {same}টি অপরিবর্তিত থাকবে এবং {missing}টি শিটে নেই (সেগুলো রেখে দেওয়া হবে)।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{plan} is a new plan: it will be created.</source>
        <translation>{plan} একটি নতুন পরিকল্পনা: এটি তৈরি করা হবে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Import to apply these changes.</source>
        <translation>এই পরিবর্তনগুলো কার্যকর করতে &apos;ইমপোর্ট&apos; চাপুন।</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No. {number}: {activity}</source>
        <translation>ক্রমিক {number}: {activity}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sheet row {row}</source>
        <translation>শিটের সারি {row}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>… and {count} more</source>
        <translation>… এবং আরও {count}টি</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(empty)</source>
        <translation>(খালি)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelled: nothing was written.</source>
        <translation>বাতিল করা হয়েছে: কিছুই সংরক্ষণ করা হয়নি।</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The workbook cannot be imported: {count} problems were found. Nothing was written. Correct the cells listed below in Excel and import the file again.</source>
        <translation>ওয়ার্কবুকটি ইমপোর্ট করা যাবে না: {count}টি সমস্যা পাওয়া গেছে। কিছুই সংরক্ষণ করা হয়নি। নিচে তালিকাভুক্ত ঘরগুলো এক্সেলে সংশোধন করে ফাইলটি আবার ইমপোর্ট করুন।</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Importing the workbook…</source>
        <translation>ওয়ার্কবুকটি ইমপোর্ট করা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Imported {file} into {plan}: {insert} activities added, {update} updated.</source>
        <translation>{file} থেকে {plan}-এ ইমপোর্ট করা হয়েছে: {insert}টি কার্যক্রম যোগ হয়েছে, {update}টি হালনাগাদ হয়েছে।</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Import an Action Plan workbook</source>
        <translation>কর্মপরিকল্পনার ওয়ার্কবুক ইমপোর্ট করুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workbook: {path}</source>
        <translation>ওয়ার্কবুক: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Into &amp;plan:</source>
        <translation>যে পরিকল্পনায়(&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Check again</source>
        <translation>আবার যাচাই করুন(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import</source>
        <translation>ইমপোর্ট(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity or field</source>
        <translation>কার্যক্রম বা ঘর</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>Details</source>
        <translation>বিস্তারিত</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cell</source>
        <translation>ঘর</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>সমস্যা</translation>
    </message>
</context>
<context>
    <name>ImportProblems</name>
    <message>
        <location filename="../../ui/screens/action_plan_text.py" line="+5"/>
        <source>A required column is missing</source>
        <translation>একটি আবশ্যিক কলাম নেই</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No activities below the header row</source>
        <translation>শিরোনাম সারির নিচে কোনো কার্যক্রম নেই</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The activity text is empty</source>
        <translation>কার্যক্রমের বিবরণ খালি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The objective is empty</source>
        <translation>উদ্দেশ্য খালি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown ministry</source>
        <translation>অজানা মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The timeframe cannot be read</source>
        <translation>সময়সীমাটি পড়া যাচ্ছে না</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The timeframe is free text</source>
        <translation>সময়সীমাটি মুক্ত বর্ণনা, তারিখ নয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The No. appears twice</source>
        <translation>ক্রমিক নম্বরটি দুবার আছে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The activity appears twice</source>
        <translation>কার্যক্রমটি দুবার আছে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is damaged or not a workbook</source>
        <translation>ফাইলটি ক্ষতিগ্রস্ত অথবা ওয়ার্কবুক নয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is too large</source>
        <translation>ফাইলটি অতিরিক্ত বড়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sheet has too many rows</source>
        <translation>শিটে অতিরিক্ত সারি রয়েছে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This Excel format cannot be read</source>
        <translation>এক্সেলের এই ফরম্যাট পড়া যায় না</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The workbook contains macros</source>
        <translation>ওয়ার্কবুকে ম্যাক্রো রয়েছে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The workbook is password-protected</source>
        <translation>ওয়ার্কবুকটি পাসওয়ার্ড দিয়ে সুরক্ষিত</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../../ui/jobs.py" line="+117"/>
        <source>Cancelling…</source>
        <translation>বাতিল করা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel</source>
        <translation>বাতিল</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please wait</source>
        <translation>অনুগ্রহ করে অপেক্ষা করুন</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../ui/wizard.py" line="-208"/>
        <source>Welcome to NSSS M&amp;E Desktop</source>
        <translation>এনএসএসএস পরিবীক্ষণ ও মূল্যায়ন ডেস্কটপে স্বাগতম</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This assistant sets up the encrypted database on this computer.</source>
        <translation>এই সহায়ক এই কম্পিউটারে এনক্রিপ্ট করা ডেটাবেজ প্রস্তুত করবে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the language of the interface. You can change it later in Settings.</source>
        <translation>ব্যবহারের ভাষা বেছে নিন। পরে সেটিংস থেকে এটি বদলানো যাবে।</translation>
    </message>
</context>
<context>
    <name>LocationPage</name>
    <message>
        <location line="+37"/>
        <source>Type where the database file should be kept.</source>
        <translation>ডেটাবেজ ফাইলটি কোথায় রাখা হবে তা লিখুন।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A database already exists at this location. Choose another file name, or close this assistant and open that database instead.</source>
        <translation>এই স্থানে আগে থেকেই একটি ডেটাবেজ আছে। অন্য একটি ফাইলের নাম বেছে নিন, অথবা এই সহায়ক বন্ধ করে সেই ডেটাবেজটিই খুলুন।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder of this location is a file. Choose another location.</source>
        <translation>এই স্থানের ফোল্ডারটি আসলে একটি ফাইল। অন্য একটি স্থান বেছে নিন।</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Where should the database be kept?</source>
        <translation>ডেটাবেজটি কোথায় রাখা হবে?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NSSS database (*.nsssdb)</source>
        <translation>এনএসএসএস ডেটাবেজ (*.nsssdb)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Where to keep the database</source>
        <translation>ডেটাবেজ কোথায় রাখা হবে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One encrypted file holds all of this installation&apos;s data.</source>
        <translation>এই ইনস্টলেশনের সব ডেটা একটি এনক্রিপ্ট করা ফাইলে থাকে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database file and its key file (the same name ending in .keys) are kept here. Back them up together.</source>
        <translation>ডেটাবেজ ফাইল ও তার কী ফাইল (একই নাম, শেষে .keys) এখানে রাখা হয়। দুটির ব্যাকআপ একসঙ্গে নিন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>খুঁজুন…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+140"/>
        <source>NSSS M&amp;E Desktop</source>
        <translation>এনএসএসএস পরিবীক্ষণ ও মূল্যায়ন ডেস্কটপ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database: {path}</source>
        <translation>ডেটাবেজ: {path}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Offline: all data is on this computer</source>
        <translation>অফলাইন: সব ডেটা এই কম্পিউটারে আছে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GED server not reachable: working offline</source>
        <translation>জিইডি সার্ভারে পৌঁছানো যাচ্ছে না: অফলাইনে কাজ চলছে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Syncing with GED…</source>
        <translation>জিইডির সঙ্গে সিঙ্ক হচ্ছে…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>The last sync did not finish: see Sync</source>
        <translation>শেষ সিঙ্কটি সম্পন্ন হয়নি: &apos;সিঙ্ক&apos; দেখুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolled with GED, not yet synced</source>
        <translation>জিইডিতে নিবন্ধিত, এখনো সিঙ্ক হয়নি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data may be stale: sync with GED</source>
        <translation>ডেটা পুরোনো হতে পারে: জিইডির সঙ্গে সিঙ্ক করুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes waiting to be sent to GED</source>
        <translation>জিইডিতে পাঠানোর অপেক্ষায় পরিবর্তন আছে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync conflicts to resolve: see Sync</source>
        <translation>সিঙ্কের দ্বন্দ্ব নিষ্পত্তি করতে হবে: &apos;সিঙ্ক&apos; দেখুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synced with GED</source>
        <translation>জিইডির সঙ্গে সিঙ্ক করা আছে</translation>
    </message>
</context>
<context>
    <name>MinistriesScreen</name>
    <message>
        <location filename="../../ui/screens/ministries.py" line="+47"/>
        <source>demo (no source)</source>
        <translation>ডেমো (উৎস নেই)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>All</source>
        <translation>সব</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leads</source>
        <translation>মূল দায়িত্বে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shares with others</source>
        <translation>যৌথ দায়িত্বে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leads or shares</source>
        <translation>মূল বা যৌথ দায়িত্বে</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Programmes ({count})</source>
        <translation>কর্মসূচি ({count})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Programmes this ministry leads. Beneficiary and budget figures per ministry will be shown here in a later release.</source>
        <translation>এই মন্ত্রণালয় যেসব কর্মসূচির মূল দায়িত্বে আছে। মন্ত্রণালয়ভিত্তিক উপকারভোগী ও বাজেটের তথ্য পরবর্তী সংস্করণে এখানে দেখানো হবে।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reforms by responsible ministry</source>
        <translation>দায়িত্বপ্রাপ্ত মন্ত্রণালয়ভিত্তিক সংস্কার</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An activity counts for its lead ministry and for every ministry that shares the responsibility. Click a count to list its activities.</source>
        <translation>একটি কার্যক্রম তার মূল দায়িত্বপ্রাপ্ত মন্ত্রণালয় এবং যৌথ দায়িত্বে থাকা প্রতিটি মন্ত্রণালয়ের হিসাবে ধরা হয়। কোনো সংখ্যায় ক্লিক করলে তার কার্যক্রমের তালিকা দেখা যাবে।</translation>
    </message>
</context>
<context>
    <name>MinistryPage</name>
    <message>
        <location filename="../../ui/wizard_pages.py" line="+89"/>
        <source>No ministry: GED analyst or viewer</source>
        <translation>কোনো মন্ত্রণালয় নয়: জিইডি বিশ্লেষক বা পাঠক</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Your ministry</source>
        <translation>আপনার মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whose data this installation keeps and submits.</source>
        <translation>এই ইনস্টলেশন যার ডেটা সংরক্ষণ ও দাখিল করবে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the ministry or division this computer works for. GED analysts and viewers choose no ministry.</source>
        <translation>এই কম্পিউটার যে মন্ত্রণালয় বা বিভাগের জন্য কাজ করবে তা বেছে নিন। জিইডির বিশ্লেষক ও পাঠকেরা কোনো মন্ত্রণালয় বাছবেন না।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The list comes from the demo data just loaded.</source>
        <translation>তালিকাটি এইমাত্র লোড করা ডেমো ডেটা থেকে নেওয়া।</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../ui/main_window.py" line="-140"/>
        <source>Overview</source>
        <translation>সার্বিক চিত্র</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action Plan</source>
        <translation>কর্মপরিকল্পনা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme dashboards</source>
        <translation>কর্মসূচি ড্যাশবোর্ড</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programmes</source>
        <translation>কর্মসূচি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter figures</source>
        <translation>তথ্য এন্ট্রি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ministries</source>
        <translation>মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clusters</source>
        <translation>থিম্যাটিক ক্লাস্টার</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committee summary</source>
        <translation>কমিটি সারসংক্ষেপ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>অনুসন্ধান</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports</source>
        <translation>প্রতিবেদন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme reports</source>
        <translation>কর্মসূচি প্রতিবেদন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync</source>
        <translation>সিঙ্ক</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>সেটিংস</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About and sources</source>
        <translation>পরিচিতি ও উৎস</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <location filename="../../ui/core_text.py" line="+13"/>
        <source>Each programme is counted once, whichever ministries implement it.</source>
        <translation>প্রতিটি কর্মসূচি একবারই গণনা করা হয়, যে মন্ত্রণালয়ই তা বাস্তবায়ন করুক।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The published SSP total is the national budget line, never added to programmes.</source>
        <translation>প্রকাশিত মোট সামাজিক নিরাপত্তা বাজেট জাতীয় বাজেটের লাইন; এটি কখনো কর্মসূচিগুলোর সঙ্গে যোগ করা হয় না।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>2023-24 onwards: budget proposals (no revised or actual figures were found).</source>
        <translation>২০২৩-২৪ থেকে: বাজেট প্রস্তাব (কোনো সংশোধিত বা প্রকৃত সংখ্যা পাওয়া যায়নি)।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cluster and life-cycle assignments marked &apos;demo&apos; are not from a source.</source>
        <translation>&apos;ডেমো&apos; চিহ্নিত ক্লাস্টার ও জীবনচক্র নির্ধারণ কোনো উৎস থেকে নেওয়া নয়।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/programme_dashboard_text.py" line="-122"/>
        <source>Programmes counted in families (Food Friendly Programme) are not added to persons.</source>
        <translation>পরিবার হিসেবে গণনা করা কর্মসূচি (খাদ্যবান্ধব কর্মসূচি) ব্যক্তির সংখ্যার সঙ্গে যোগ করা হয় না।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows marked &apos;shared&apos; are programmes this ministry implements with others and for which only a whole-programme figure exists: shown, but not added to this ministry&apos;s totals (each programme counts once).</source>
        <translation>&apos;যৌথ&apos; চিহ্নিত সারিগুলো এমন কর্মসূচি, যা এই মন্ত্রণালয় অন্যদের সঙ্গে বাস্তবায়ন করে এবং যার শুধু পুরো কর্মসূচির সংখ্যা পাওয়া যায়: এগুলো দেখানো হয়, কিন্তু এই মন্ত্রণালয়ের মোটের সঙ্গে যোগ করা হয় না (প্রতিটি কর্মসূচি একবারই গণনা করা হয়)।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Totals leave out components counted in their aggregate, published national budget lines, and families (counted apart from persons).</source>
        <translation>মোট হিসাবে সমন্বিত কর্মসূচিতে গণনাকৃত অংশ-কর্মসূচি, প্রকাশিত জাতীয় বাজেটের লাইন এবং পরিবার (ব্যক্তি থেকে আলাদা গণনাকৃত) বাদ থাকে।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A programme in several groups appears in each; the total row counts it once, so the groups may add up to more than the total.</source>
        <translation>একাধিক ভাগে থাকা কর্মসূচি প্রতিটি ভাগেই দেখা যায়; মোটের সারিতে তা একবারই গণনা করা হয়, তাই ভাগগুলোর যোগফল মোটের চেয়ে বেশি হতে পারে।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only programmes that reported this breakdown are included.</source>
        <translation>শুধু যেসব কর্মসূচি এই বিভাজনের তথ্য দিয়েছে সেগুলো অন্তর্ভুক্ত।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per programme and year one value is used: the most final stage, then a government source, then the most precise figure; sub-year flows are summed and stocks read at the last period.</source>
        <translation>প্রতিটি কর্মসূচি ও বছরের জন্য একটি মান ব্যবহৃত হয়: সবচেয়ে চূড়ান্ত পর্যায়, তারপর সরকারি উৎস, তারপর সবচেয়ে সূক্ষ্ম সংখ্যা; বছরের অংশভিত্তিক প্রবাহ (যেমন ব্যয়) যোগ করা হয় এবং স্থিতি (যেমন উপকারভোগী) শেষ প্রতিবেদনকাল থেকে নেওয়া হয়।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No programmes are registered for this ministry.</source>
        <translation>এই মন্ত্রণালয়ের কোনো কর্মসূচি নিবন্ধিত নেই।</translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <location filename="../../ui/screens/overview.py" line="+87"/>
        <location line="+4"/>
        <source>Loading the national series…</source>
        <translation>জাতীয় ধারাবাহিক তথ্য লোড হচ্ছে…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The national series could not be loaded.</source>
        <translation>জাতীয় ধারাবাহিক তথ্য লোড করা যায়নি।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>— means that no figure is available; it is not a zero.</source>
        <translation>— মানে কোনো সংখ্যা পাওয়া যায়নি; এটি শূন্য নয়।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beneficiaries in lakh (1 lakh = 100,000 persons); budgets in crore taka (1 crore = 10 million taka).</source>
        <translation>উপকারভোগী লাখে (১ লাখ = ১,০০,০০০ জন); বাজেট কোটি টাকায় (১ কোটি = ১,০০,০০,০০০ টাকা)।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes</source>
        <translation>টীকা</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>National series by fiscal year</source>
        <translation>অর্থবছরভিত্তিক জাতীয় চিত্র</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beneficiaries and budgets of the social security programmes in this database, each programme counted once per year. Figures are as published; see About and sources for where each comes from.</source>
        <translation>এই ডেটাবেজের সামাজিক নিরাপত্তা কর্মসূচিগুলোর উপকারভোগী ও বাজেট; প্রতিটি কর্মসূচি প্রতি বছরে একবার গণনা করা। সংখ্যাগুলো প্রকাশিত রূপে দেওয়া; কোনটি কোথা থেকে এসেছে তা &apos;পরিচিতি ও উৎস&apos;-এ দেখুন।</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../../ui/wizard.py" line="+57"/>
        <source>The passphrase must have at least {count} characters; it has {length}.</source>
        <translation>পাসফ্রেজে কমপক্ষে {count}টি অক্ষর থাকতে হবে; এখন আছে {length}টি।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two passphrases differ. Type the same passphrase twice.</source>
        <translation>দুটি পাসফ্রেজ মেলেনি। একই পাসফ্রেজ দুবার লিখুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the passphrase again to confirm it.</source>
        <translation>নিশ্চিত করতে পাসফ্রেজটি আবার লিখুন।</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Too short</source>
        <translation>খুব ছোট</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fair</source>
        <translation>চলনসই</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Good</source>
        <translation>ভালো</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Strong</source>
        <translation>শক্তিশালী</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a passphrase</source>
        <translation>একটি পাসফ্রেজ বেছে নিন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The passphrase unlocks the database when this computer&apos;s keyring cannot.</source>
        <translation>এই কম্পিউটারের কী-রিং ডেটাবেজ খুলতে না পারলে পাসফ্রেজ দিয়ে খোলা হয়।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use at least {count} characters. A short sentence in English or Bangla is easy to remember and hard to guess.</source>
        <translation>কমপক্ষে {count}টি অক্ষর ব্যবহার করুন। ইংরেজি বা বাংলায় একটি ছোট বাক্য মনে রাখা সহজ, কিন্তু অনুমান করা কঠিন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passphrase:</source>
        <translation>পাসফ্রেজ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type it again:</source>
        <translation>আবার লিখুন:</translation>
    </message>
</context>
<context>
    <name>PivotDimension</name>
    <message>
        <location filename="../../ui/screens/pivot_options.py" line="+28"/>
        <source>Ministry or division</source>
        <translation>মন্ত্রণালয় বা বিভাগ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thematic cluster</source>
        <translation>থিম্যাটিক ক্লাস্টার</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Life cycle stage</source>
        <translation>জীবনচক্রের পর্যায়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme</source>
        <translation>কর্মসূচি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiscal year</source>
        <translation>অর্থবছর</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period within the year</source>
        <translation>বছরের মধ্যকার প্রতিবেদনকাল</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>লিঙ্গ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area (rural, urban)</source>
        <translation>এলাকা (গ্রামীণ, শহুরে)</translation>
    </message>
</context>
<context>
    <name>PivotFilter</name>
    <message>
        <location line="+21"/>
        <source>All ministries</source>
        <translation>সব মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All clusters</source>
        <translation>সব ক্লাস্টার</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All life cycle stages</source>
        <translation>জীবনচক্রের সব পর্যায়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All programmes</source>
        <translation>সব কর্মসূচি</translation>
    </message>
</context>
<context>
    <name>PivotMeasure</name>
    <message>
        <location line="-21"/>
        <source>Beneficiaries</source>
        <translation>উপকারভোগী</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cumulative beneficiaries</source>
        <translation>ক্রমপুঞ্জিত উপকারভোগী</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget (revised, else original)</source>
        <translation>বাজেট (সংশোধিত, না থাকলে মূল)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Original budget</source>
        <translation>মূল বাজেট</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revised budget</source>
        <translation>সংশোধিত বাজেট</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expenditure</source>
        <translation>ব্যয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount disbursed</source>
        <translation>বিতরণকৃত অর্থ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Benefit per beneficiary</source>
        <translation>মাথাপিছু সুবিধা</translation>
    </message>
</context>
<context>
    <name>PivotOptions</name>
    <message>
        <location line="+148"/>
        <source>&amp;Rows:</source>
        <translation>সারি(&amp;R):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>then</source>
        <translation>তারপর</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Columns across:</source>
        <translation>কলাম(&amp;C):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Measures:</source>
        <translation>পরিমাপ(&amp;M):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fiscal years:</source>
        <translation>অর্থবছর(&amp;F):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>to</source>
        <translation>থেকে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Da&amp;ta:</source>
        <translation>ডেটা(&amp;T):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>M&amp;inistry:</source>
        <translation>মন্ত্রণালয়(&amp;I):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;luster:</source>
        <translation>ক্লাস্টার(&amp;L):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Life c&amp;ycle:</source>
        <translation>জীবনচক্র(&amp;Y):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Programme:</source>
        <translation>কর্মসূচি(&amp;P):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(nothing more)</source>
        <translation>(আর কিছু নয়)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none: measures only)</source>
        <translation>(নেই: শুধু পরিমাপ)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(first)</source>
        <translation>(প্রথম)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(latest)</source>
        <translation>(সর্বশেষ)</translation>
    </message>
</context>
<context>
    <name>PivotScope</name>
    <message>
        <location line="-165"/>
        <source>Approved figures</source>
        <translation>অনুমোদিত তথ্য</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved and submitted</source>
        <translation>অনুমোদিত ও দাখিলকৃত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All, drafts included</source>
        <translation>সব, খসড়াসহ</translation>
    </message>
</context>
<context>
    <name>PivotScreen</name>
    <message>
        <location filename="../../ui/screens/pivot.py" line="+193"/>
        <source>Running the report…</source>
        <translation>প্রতিবেদন তৈরি হচ্ছে…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rows: {count}, and the total.</source>
        <translation>সারি: {count}, এবং মোট।</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>— means that no figure was reported; n/a that it was reported as not available. Neither is a zero.</source>
        <translation>— মানে কোনো সংখ্যা জানানো হয়নি; ‘তথ্য নেই’ মানে তথ্য নেই বলে জানানো হয়েছে। কোনোটিই শূন্য নয়।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beneficiaries in lakh (1 lakh = 100,000 persons); money in crore taka (1 crore = 10 million taka); the benefit in taka a month.</source>
        <translation>উপকারভোগী লাখে (১ লাখ = ১,০০,০০০ জন); অর্থ কোটি টাকায় (১ কোটি = ১,০০,০০,০০০ টাকা); সুবিধা মাসিক টাকায়।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes</source>
        <translation>টীকা</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Type a name for the report first.</source>
        <translation>আগে প্রতিবেদনের একটি নাম লিখুন।</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved as “{name}”.</source>
        <translation>“{name}” নামে সংরক্ষিত হয়েছে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving…</source>
        <translation>সংরক্ষণ করা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Loading…</source>
        <translation>লোড হচ্ছে…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete saved report</source>
        <translation>সংরক্ষিত প্রতিবেদন মুছুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the saved report “{name}”? The data is not affected.</source>
        <translation>সংরক্ষিত প্রতিবেদন “{name}” মুছে ফেলবেন? এতে ডেটার কোনো পরিবর্তন হবে না।</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Deleted “{name}”.</source>
        <translation>“{name}” মুছে ফেলা হয়েছে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleting…</source>
        <translation>মুছে ফেলা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Writing the PDF…</source>
        <translation>পিডিএফ লেখা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the Excel workbook…</source>
        <translation>এক্সেল ওয়ার্কবুক লেখা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved: {path}</source>
        <translation>সংরক্ষিত: {path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export PDF</source>
        <translation>পিডিএফ এক্সপোর্ট</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>পিডিএফ ফাইল (*.pdf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Excel</source>
        <translation>এক্সেল এক্সপোর্ট</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>এক্সেল ওয়ার্কবুক (*.xlsx)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Not done: see the message.</source>
        <translation>সম্পন্ন হয়নি: বার্তাটি দেখুন।</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Programme reports</source>
        <translation>কর্মসূচি প্রতিবেদন</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose what the rows and columns are, which measures to show and which programmes and years to include, then run the report. Totals count each programme once, whichever ministries or life cycle stages it belongs to.</source>
        <translation>সারি ও কলামে কী থাকবে, কোন পরিমাপ দেখানো হবে এবং কোন কর্মসূচি ও বছর অন্তর্ভুক্ত হবে তা বেছে নিন, তারপর প্রতিবেদন তৈরি করুন। কর্মসূচি যে মন্ত্রণালয় বা জীবনচক্রের পর্যায়েরই হোক, মোট হিসাবে প্রতিটি কর্মসূচি একবারই গণনা করা হয়।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>R&amp;un report</source>
        <translation>প্রতিবেদন তৈরি করুন(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;Excel…</source>
        <translation>এক্সেল এক্সপোর্ট(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export P&amp;DF…</source>
        <translation>পিডিএফ এক্সপোর্ট(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Saved reports:</source>
        <translation>সংরক্ষিত প্রতিবেদন(&amp;S):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>খুলুন(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>মুছুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>নাম(&amp;N):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name to save this report under</source>
        <translation>যে নামে প্রতিবেদনটি সংরক্ষণ করবেন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sa&amp;ve</source>
        <translation>সংরক্ষণ করুন(&amp;V)</translation>
    </message>
</context>
<context>
    <name>Placeholders</name>
    <message>
        <location filename="../../ui/screens/placeholder.py" line="+8"/>
        <source>Track each Action Plan activity&apos;s status, comments and evidence, by ministry and due date.</source>
        <translation>কর্মপরিকল্পনার প্রতিটি কার্যক্রমের অগ্রগতি, মন্তব্য ও প্রমাণক মন্ত্রণালয় ও নির্ধারিত তারিখ অনুযায়ী অনুসরণ করুন।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Browse every programme with its beneficiaries, budgets and sources, year by year.</source>
        <translation>প্রতিটি কর্মসূচির উপকারভোগী, বাজেট ও উৎস বছরভিত্তিক দেখুন।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>See each ministry&apos;s programmes, reforms and submissions in one place.</source>
        <translation>প্রতিটি মন্ত্রণালয়ের কর্মসূচি, সংস্কার ও দাখিল এক জায়গায় দেখুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare the five thematic clusters: their ministries, programmes and totals.</source>
        <translation>পাঁচটি থিম্যাটিক ক্লাস্টার তুলনা করুন: তাদের মন্ত্রণালয়, কর্মসূচি ও মোট হিসাব।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Programme dashboards: national, by ministry, cluster and life cycle.</source>
        <translation>কর্মসূচি ড্যাশবোর্ড: জাতীয়, মন্ত্রণালয়, ক্লাস্টার ও জীবনচক্রভিত্তিক।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter or import your ministry&apos;s programme figures for a period.</source>
        <translation>কোনো প্রতিবেদনকালের জন্য আপনার মন্ত্রণালয়ের কর্মসূচির তথ্য এন্ট্রি বা ইমপোর্ট করুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Build your own programme tables: choose dimensions and measures.</source>
        <translation>নিজের প্রয়োজনমতো কর্মসূচির সারণি তৈরি করুন: মাত্রা ও পরিমাপ বেছে নিন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The CMC and M&amp;E Committee summary of reform progress across all ministries.</source>
        <translation>সকল মন্ত্রণালয়ের সংস্কার অগ্রগতির সিএমসি ও এমঅ্যান্ডই কমিটি সারসংক্ষেপ।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search programmes, activities and comments in English and Bangla.</source>
        <translation>ইংরেজি ও বাংলায় কর্মসূচি, কার্যক্রম ও মন্তব্য অনুসন্ধান করুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prepare and print the annual NSSS report as PDF and Excel.</source>
        <translation>এনএসএসএস-এর বার্ষিক প্রতিবেদন পিডিএফ ও এক্সেলে প্রস্তুত ও মুদ্রণ করুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submit your ministry&apos;s changes to the GED server and receive approved data when online.</source>
        <translation>অনলাইনে থাকলে আপনার মন্ত্রণালয়ের পরিবর্তনগুলো জিইডির সার্ভারে দাখিল করুন এবং অনুমোদিত ডেটা গ্রহণ করুন।</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>This screen arrives in a coming release.</source>
        <translation>এই পাতাটি পরবর্তী কোনো সংস্করণে যুক্ত হবে।</translation>
    </message>
</context>
<context>
    <name>ProgrammeChart</name>
    <message>
        <location filename="../../ui/programme_charts/chart_base.py" line="+94"/>
        <location line="+7"/>
        <source>n/a</source>
        <translation>তথ্য নেই</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} lakh</source>
        <translation>{value} লাখ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{value} crore Tk</source>
        <translation>{value} কোটি টাকা</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Total {value}</source>
        <translation>মোট {value}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>lakh</source>
        <translation>লাখ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>crore Tk</source>
        <translation>কোটি টাকা</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>No figures for this selection</source>
        <translation>এই বাছাইয়ের জন্য কোনো সংখ্যা নেই</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Point at the chart to read its exact values.</source>
        <translation>সঠিক মান দেখতে চার্টের ওপর মাউস রাখুন।</translation>
    </message>
</context>
<context>
    <name>ProgrammeDashboardsScreen</name>
    <message>
        <location filename="../../ui/screens/programme_dashboards.py" line="+155"/>
        <location line="+3"/>
        <source>Loading the dashboard…</source>
        <translation>ড্যাশবোর্ড লোড হচ্ছে…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The dashboard could not be loaded.</source>
        <translation>ড্যাশবোর্ড লোড করা যায়নি।</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>{measure} in {year}: {value}</source>
        <translation>{year} অর্থবছরে {measure}: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{measure} of {name} in {year}: {value}</source>
        <translation>{year} অর্থবছরে {name}-এর {measure}: {value}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{measure} of {name}</source>
        <translation>{name}-এর {measure}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Beneficiaries reporting a breakdown in {year} (all categories)</source>
        <translation>{year} অর্থবছরে বিভাজনের তথ্যসহ উপকারভোগী (সব শ্রেণি)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Programme dashboards — {name}</source>
        <translation>কর্মসূচি ড্যাশবোর্ড — {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme dashboards</source>
        <translation>কর্মসূচি ড্যাশবোর্ড</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>← &amp;Back</source>
        <translation>← পেছনে(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return to the previous dashboard</source>
        <translation>আগের ড্যাশবোর্ডে ফিরে যান</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View:</source>
        <translation>প্রদর্শন(&amp;V):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fiscal year:</source>
        <translation>অর্থবছর(&amp;F):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ministry:</source>
        <translation>মন্ত্রণালয়(&amp;M):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cluster:</source>
        <translation>ক্লাস্টার(&amp;C):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Life cycle:</source>
        <translation>জীবনচক্র(&amp;L):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Include &amp;submitted (not yet approved) data</source>
        <translation>দাখিলকৃত (এখনো অননুমোদিত) ডেটাও অন্তর্ভুক্ত করুন(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>These figures include data submitted by ministries that GED has not yet approved.</source>
        <translation>এই সংখ্যাগুলোতে মন্ত্রণালয়ের দাখিল করা এমন ডেটাও আছে, যা জিইডি এখনো অনুমোদন করেনি।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Series by fiscal year</source>
        <translation>অর্থবছরভিত্তিক চিত্র</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programmes, {year}</source>
        <translation>কর্মসূচি, {year}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By cluster</source>
        <translation>ক্লাস্টারভিত্তিক</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By life cycle</source>
        <translation>জীবনচক্রভিত্তিক</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By ministry</source>
        <translation>মন্ত্রণালয়ভিত্তিক</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budget share and breakdowns</source>
        <translation>বাজেটের অংশ ও বিভাজন</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Beneficiaries and budgets by fiscal year, each programme counted once</source>
        <translation>অর্থবছরভিত্তিক উপকারভোগী ও বাজেট, প্রতিটি কর্মসূচি একবার গণনাকৃত</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}: this ministry&apos;s programmes and shares by fiscal year</source>
        <translation>{name}: এই মন্ত্রণালয়ের কর্মসূচি ও অংশ, অর্থবছরভিত্তিক</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}: series by fiscal year</source>
        <translation>{name}: অর্থবছরভিত্তিক চিত্র</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All programmes, {year}</source>
        <translation>সব কর্মসূচি, {year}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programmes of {name}, {year}</source>
        <translation>{name}-এর কর্মসূচি, {year}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programmes by thematic cluster, {year}</source>
        <translation>থিম্যাটিক ক্লাস্টারভিত্তিক কর্মসূচি, {year}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programmes by life-cycle stage, {year}</source>
        <translation>জীবনচক্রের পর্যায়ভিত্তিক কর্মসূচি, {year}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programmes by ministry or division, {year}</source>
        <translation>মন্ত্রণালয়/বিভাগভিত্তিক কর্মসূচি, {year}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Double-click a number, or select it and press Enter, to see the figure rows behind it.</source>
        <translation>কোনো সংখ্যার পেছনের তথ্যের সারি দেখতে তাতে ডাবল-ক্লিক করুন, অথবা নির্বাচন করে এন্টার চাপুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Double-click a name to open its own dashboard; Back returns here.</source>
        <translation>কোনো নামের নিজস্ব ড্যাশবোর্ড খুলতে তাতে ডাবল-ক্লিক করুন; ‘পেছনে’ চাপলে এখানে ফিরে আসবেন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beneficiaries in lakh (1 lakh = 100,000 persons), money in crore taka (1 crore = 10 million taka). — means no figure; n/a means reported as not available.</source>
        <translation>উপকারভোগী লাখে (১ লাখ = ১,০০,০০০ জন), অর্থ কোটি টাকায় (১ কোটি = ১,০০,০০,০০০ টাকা)। — মানে কোনো সংখ্যা নেই; ‘তথ্য নেই’ মানে তথ্য নেই বলে জানানো হয়েছে।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Notes</source>
        <translation>টীকা</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All ministries</source>
        <translation>সব মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ministry</source>
        <translation>মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thematic cluster</source>
        <translation>থিম্যাটিক ক্লাস্টার</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Life cycle</source>
        <translation>জীবনচক্র</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name} (no programmes)</source>
        <translation>{name} (কোনো কর্মসূচি নেই)</translation>
    </message>
</context>
<context>
    <name>ProgrammeDetailPanel</name>
    <message>
        <location filename="../../ui/screens/programme_detail.py" line="+212"/>
        <source>families</source>
        <translation>পরিবার</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>persons</source>
        <translation>ব্যক্তি</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Sources ({count})</source>
        <translation>উৎস ({count}টি)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{programme}, {year}: {measure}</source>
        <translation>{programme}, {year} অর্থবছর: {measure}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Code:</source>
        <translation>কোড:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name (English):</source>
        <translation>নাম (ইংরেজি):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (Bangla):</source>
        <translation>নাম (বাংলা):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lead ministry:</source>
        <translation>মূল মন্ত্রণালয়:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also implemented by:</source>
        <translation>সহযোগী মন্ত্রণালয়:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thematic cluster:</source>
        <translation>থিম্যাটিক ক্লাস্টার:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Life cycle stages:</source>
        <translation>জীবনচক্রের পর্যায়:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target group:</source>
        <translation>লক্ষ্যভুক্ত জনগোষ্ঠী:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Benefit type:</source>
        <translation>সুবিধার ধরন:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Benefit value:</source>
        <translation>সুবিধার পরিমাণ:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counted in:</source>
        <translation>গণনার একক:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start year:</source>
        <translation>শুরুর বছর:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status:</source>
        <translation>অবস্থা:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Register</source>
        <translation>রেজিস্টার</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Series by fiscal year</source>
        <translation>অর্থবছরভিত্তিক চিত্র</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Targets</source>
        <translation>লক্ষ্যমাত্রা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cumulative between dates</source>
        <translation>দুই তারিখের মধ্যে ক্রমপুঞ্জিত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources</source>
        <translation>উৎস</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approved figures, as on the dashboards. Double-click a number (or press Enter) to see the figures behind it. — means no figure.</source>
        <translation>ড্যাশবোর্ডের মতোই অনুমোদিত সংখ্যা। কোনো সংখ্যার পেছনের তথ্য দেখতে তাতে ডাবল-ক্লিক করুন (বা এন্টার চাপুন)। — মানে কোনো সংখ্যা নেই।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source id</source>
        <translation>উৎসের আইডি</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>শিরোনাম</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>ঠিকানা</translation>
    </message>
</context>
<context>
    <name>ProgrammeRegister</name>
    <message>
        <location filename="../../ui/screens/programme_register_model.py" line="+33"/>
        <source>Code</source>
        <translation>কোড</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme</source>
        <translation>কর্মসূচি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead ministry</source>
        <translation>মূল মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also implemented by</source>
        <translation>সহযোগী মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thematic cluster</source>
        <translation>থিম্যাটিক ক্লাস্টার</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Life cycle</source>
        <translation>জীবনচক্র</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target group</source>
        <translation>লক্ষ্যভুক্ত জনগোষ্ঠী</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Benefit</source>
        <translation>সুবিধা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since</source>
        <translation>শুরু</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>অবস্থা</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{name} (demo)</source>
        <translation>{name} (ডেমো)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Active</source>
        <translation>চলমান</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>সমাপ্ত</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Demo: this classification is not from a source.</source>
        <translation>ডেমো: এই শ্রেণিবিন্যাস কোনো উৎস থেকে নেওয়া নয়।</translation>
    </message>
</context>
<context>
    <name>ProgrammeTableModel</name>
    <message>
        <location filename="../../ui/screens/programme_dashboard_text.py" line="+141"/>
        <source>Not available: no figure was found for this year.</source>
        <translation>সংখ্যা নেই: এই বছরের কোনো সংখ্যা পাওয়া যায়নি।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Implemented with other ministries; only a whole-programme figure exists, so it is not added to this ministry&apos;s total.</source>
        <translation>অন্য মন্ত্রণালয়ের সঙ্গে যৌথভাবে বাস্তবায়িত; শুধু পুরো কর্মসূচির সংখ্যা পাওয়া যায়, তাই এটি এই মন্ত্রণালয়ের মোটের সঙ্গে যোগ করা হয়নি।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This ministry&apos;s own share of a programme it implements with others.</source>
        <translation>অন্যদের সঙ্গে যৌথভাবে বাস্তবায়িত কর্মসূচিতে এই মন্ত্রণালয়ের নিজস্ব অংশ।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value}. Double-click or press Enter to see the figures behind this number.</source>
        <translation>{value}। এই সংখ্যার পেছনের তথ্য দেখতে ডাবল-ক্লিক করুন বা এন্টার চাপুন।</translation>
    </message>
</context>
<context>
    <name>ProgrammeText</name>
    <message>
        <location filename="../../ui/screens/programme_detail.py" line="-219"/>
        <source>Fiscal year</source>
        <translation>অর্থবছর</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lakh</source>
        <translation>লাখ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/screens/programme_text.py" line="+114"/>
        <source>crore Tk</source>
        <translation>কোটি টাকা</translation>
    </message>
    <message>
        <location filename="../../ui/screens/programme_text.py" line="-84"/>
        <source>Cash</source>
        <translation>নগদ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Food</source>
        <translation>খাদ্য</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In kind</source>
        <translation>দ্রব্যসামগ্রী</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>সেবা</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not entered</source>
        <translation>এন্ট্রি হয়নি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft</source>
        <translation>খসড়া</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>ফেরত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted (locked)</source>
        <translation>দাখিলকৃত (লক করা)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved (locked)</source>
        <translation>অনুমোদিত (লক করা)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Met</source>
        <translation>অর্জিত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On track</source>
        <translation>সঠিক পথে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behind</source>
        <translation>পিছিয়ে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No target set</source>
        <translation>লক্ষ্যমাত্রা নির্ধারিত হয়নি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No actual figure</source>
        <translation>প্রকৃত সংখ্যা নেই</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Whole year</source>
        <translation>পূর্ণ বছর</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Half year</source>
        <translation>অর্ধবছর</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quarter</source>
        <translation>প্রান্তিক</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month</source>
        <translation>মাস</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>July</source>
        <translation>জুলাই</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>August</source>
        <translation>আগস্ট</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>September</source>
        <translation>সেপ্টেম্বর</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>October</source>
        <translation>অক্টোবর</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>November</source>
        <translation>নভেম্বর</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>December</source>
        <translation>ডিসেম্বর</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>January</source>
        <translation>জানুয়ারি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>February</source>
        <translation>ফেব্রুয়ারি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>March</source>
        <translation>মার্চ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>April</source>
        <translation>এপ্রিল</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May</source>
        <translation>মে</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>June</source>
        <translation>জুন</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Breakdown does not add up</source>
        <translation>বিভাজনের যোগফল মেলে না</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breakdown without a total</source>
        <translation>মোট ছাড়া বিভাজন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Areas add up to more than the total</source>
        <translation>এলাকাগুলোর যোগফল মোটের চেয়ে বেশি</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Breakdown given twice</source>
        <translation>বিভাজন দুবার দেওয়া হয়েছে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown breakdown category</source>
        <translation>অজানা বিভাজন শ্রেণি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expenditure above the budget</source>
        <translation>ব্যয় বাজেটের চেয়ে বেশি</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cumulative below active beneficiaries</source>
        <translation>ক্রমপুঞ্জিত সংখ্যা সক্রিয় উপকারভোগীর চেয়ে কম</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disbursement does not match the benefit</source>
        <translation>বিতরণকৃত অর্থ সুবিধার হারের সঙ্গে মেলে না</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Negative figure</source>
        <translation>ঋণাত্মক সংখ্যা</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Not a number</source>
        <translation>সংখ্যা নয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown programme</source>
        <translation>অজানা কর্মসূচি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown ministry</source>
        <translation>অজানা মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not this ministry&apos;s programme</source>
        <translation>এই মন্ত্রণালয়ের কর্মসূচি নয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row given twice</source>
        <translation>সারি দুবার দেওয়া হয়েছে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme given twice</source>
        <translation>কর্মসূচি দুবার দেওয়া হয়েছে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period locked</source>
        <translation>প্রতিবেদনকাল লক করা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column missing</source>
        <translation>কলাম নেই</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other ministry</source>
        <translation>অন্য মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Tk per month</source>
        <translation>মাসিক টাকা</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>persons</source>
        <translation>জন</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>not available</source>
        <translation>তথ্য নেই</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{value} lakh</source>
        <translation>{value} লাখ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tk {value}</source>
        <translation>{value} টাকা</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{value} crore Tk</source>
        <translation>{value} কোটি টাকা</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{value} persons</source>
        <translation>{value} জন</translation>
    </message>
</context>
<context>
    <name>ProgrammesScreen</name>
    <message>
        <location filename="../../ui/screens/programmes.py" line="+166"/>
        <source>Loading the programme register…</source>
        <translation>কর্মসূচির রেজিস্টার লোড হচ্ছে…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>All ministries</source>
        <translation>সব মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All clusters</source>
        <translation>সব ক্লাস্টার</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All life cycle stages</source>
        <translation>জীবনচক্রের সব পর্যায়</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active and closed</source>
        <translation>চলমান ও সমাপ্ত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>চলমান</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Closed</source>
        <translation>সমাপ্ত</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{shown} of {total} programmes shown.</source>
        <translation>{total}টি কর্মসূচির মধ্যে {shown}টি দেখানো হচ্ছে।</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Social protection programmes</source>
        <translation>সামাজিক সুরক্ষা কর্মসূচি</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The programme register. Search by name (English or Bangla), code, ministry, cluster or target group; select a programme to see its figures, targets and sources. Classifications marked “demo” are not from a source.</source>
        <translation>কর্মসূচির রেজিস্টার। নাম (ইংরেজি বা বাংলা), কোড, মন্ত্রণালয়, ক্লাস্টার বা লক্ষ্যভুক্ত জনগোষ্ঠী দিয়ে খুঁজুন; কোনো কর্মসূচির সংখ্যা, লক্ষ্যমাত্রা ও উৎস দেখতে সেটি নির্বাচন করুন। “ডেমো” চিহ্নিত শ্রেণিবিন্যাস কোনো উৎস থেকে নেওয়া নয়।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Search:</source>
        <translation>অনুসন্ধান(&amp;S):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. old age, বয়স্ক, MoSW, food…</source>
        <translation>যেমন বয়স্ক, MoSW, food…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ministry:</source>
        <translation>মন্ত্রণালয়(&amp;M):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>C&amp;luster:</source>
        <translation>ক্লাস্টার(&amp;L):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Life c&amp;ycle:</source>
        <translation>জীবনচক্র(&amp;Y):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tatus:</source>
        <translation>অবস্থা(&amp;T):</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../ui/wizard_pages.py" line="-80"/>
        <source>Your recovery code</source>
        <translation>আপনার রিকভারি কোড</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is shown only this once.</source>
        <translation>এটি শুধু এই একবারই দেখানো হচ্ছে।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next &gt;</source>
        <translation>পরবর্তী &gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This code unlocks the database if the passphrase is forgotten. Write it down or print it now and keep it somewhere safe, away from this computer. It is not stored anywhere and will not be shown again.</source>
        <translation>পাসফ্রেজ ভুলে গেলে এই কোড দিয়ে ডেটাবেজ খোলা যাবে। এখনই এটি লিখে রাখুন বা প্রিন্ট করুন এবং এই কম্পিউটার থেকে দূরে কোনো নিরাপদ জায়গায় রাখুন। এটি কোথাও সংরক্ষিত থাকে না এবং আর দেখানো হবে না।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>I have written the recovery code down and will keep it safe</source>
        <translation>আমি রিকভারি কোডটি লিখে রেখেছি এবং নিরাপদে রাখব</translation>
    </message>
</context>
<context>
    <name>ReformColumns</name>
    <message>
        <location filename="../../ui/screens/reform_groups.py" line="-224"/>
        <source>Activities</source>
        <translation>কার্যক্রম</translation>
    </message>
    <message>
        <location filename="../../ui/reform_widgets.py" line="+103"/>
        <source>Total</source>
        <translation>মোট</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>No.</source>
        <translation>ক্রমিক</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Activity</source>
        <translation>কার্যক্রম</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Responsible ministry</source>
        <translation>দায়িত্বপ্রাপ্ত মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status</source>
        <translation>অবস্থা</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due date</source>
        <translation>নির্ধারিত তারিখ</translation>
    </message>
    <message>
        <location filename="../../ui/screens/clusters.py" line="-26"/>
        <source>Cluster&apos;s activities</source>
        <translation>ক্লাস্টারের কার্যক্রম</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Basis</source>
        <translation>ভিত্তি</translation>
    </message>
    <message>
        <location filename="../../ui/screens/committee.py" line="+7"/>
        <source>Ministry or division</source>
        <translation>মন্ত্রণালয় বা বিভাগ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/screens/ministries.py" line="-76"/>
        <source>Thematic cluster</source>
        <translation>থিম্যাটিক ক্লাস্টার</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Days overdue</source>
        <translation>বিলম্ব (দিন)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Completed on</source>
        <translation>সম্পন্নের তারিখ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence files</source>
        <translation>প্রমাণক</translation>
    </message>
    <message>
        <location filename="../../ui/screens/ministries.py" line="-3"/>
        <source>Code</source>
        <translation>কোড</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme</source>
        <translation>কর্মসূচি</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counted in</source>
        <translation>গণনার একক</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cluster basis</source>
        <translation>ক্লাস্টার নির্ধারণের ভিত্তি</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ministry&apos;s activities</source>
        <translation>মন্ত্রণালয়ের কার্যক্রম</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Role</source>
        <translation>দায়িত্ব</translation>
    </message>
</context>
<context>
    <name>RegisterColumns</name>
    <message>
        <location filename="../../ui/models/register_model.py" line="+36"/>
        <source>Plan</source>
        <translation>পরিকল্পনা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action Plan code</source>
        <translation>কর্মপরিকল্পনার কোড</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No.</source>
        <translation>ক্রমিক</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity number in the plan</source>
        <translation>পরিকল্পনায় কার্যক্রমের ক্রমিক নম্বর</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Objective</source>
        <translation>উদ্দেশ্য</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Activities</source>
        <translation>কার্যক্রম</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Performance
indicators</source>
        <translation>কর্মসম্পাদন
সূচক</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Performance indicators</source>
        <translation>কর্মসম্পাদন সূচক</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeframe</source>
        <translation>সময়সীমা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeframe as written in the plan</source>
        <translation>পরিকল্পনায় যেভাবে লেখা আছে সেই সময়সীমা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsible
ministry</source>
        <translation>দায়িত্বপ্রাপ্ত
মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsible (lead) ministry</source>
        <translation>দায়িত্বপ্রাপ্ত (প্রধান) মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared
responsibility</source>
        <translation>সহযোগী
মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ministries sharing the responsibility</source>
        <translation>যেসব মন্ত্রণালয় দায়িত্ব ভাগ করে নিয়েছে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>অবস্থা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current status: the latest approved status, or Delayed once the due date has passed</source>
        <translation>বর্তমান অবস্থা: সর্বশেষ অনুমোদিত অবস্থা, অথবা নির্ধারিত তারিখ পেরিয়ে গেলে বিলম্বিত</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last
update</source>
        <translation>সর্বশেষ
হালনাগাদ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of the latest status report</source>
        <translation>সর্বশেষ অবস্থা প্রতিবেদনের তারিখ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>প্রমাণক</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of evidence files attached</source>
        <translation>সংযুক্ত প্রমাণক ফাইলের সংখ্যা</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <location line="+117"/>
        <source>The due date ({date}) has passed.</source>
        <translation>নির্ধারিত তারিখ ({date}) পেরিয়ে গেছে।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting for approval: {status}</source>
        <translation>অনুমোদনের অপেক্ষায়: {status}</translation>
    </message>
</context>
<context>
    <name>ReportLanguage</name>
    <message>
        <location filename="../../ui/screens/reports.py" line="+4"/>
        <source>Same as the interface</source>
        <translation>ইন্টারফেসের ভাষায়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>ইংরেজি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bangla</source>
        <translation>বাংলা</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location line="+125"/>
        <source>Building the report…</source>
        <translation>প্রতিবেদন তৈরি হচ্ছে…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preview as of {date}.</source>
        <translation>{date} তারিখ পর্যন্ত অবস্থার খসড়া।</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Writing the Excel workbook…</source>
        <translation>এক্সেল ওয়ার্কবুক লেখা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Writing the PDF…</source>
        <translation>পিডিএফ লেখা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved: {path}</source>
        <translation>সংরক্ষিত: {path}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The report was not written.</source>
        <translation>প্রতিবেদনটি লেখা হয়নি।</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export PDF</source>
        <translation>পিডিএফ এক্সপোর্ট</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>পিডিএফ ফাইল (*.pdf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Excel</source>
        <translation>এক্সেল এক্সপোর্ট</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>এক্সেল ওয়ার্কবুক (*.xlsx)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reform tracking report</source>
        <translation>সংস্কার অগ্রগতি প্রতিবেদন</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose what the report covers and how to group it, then preview it here or export it. With no status ticked, every status is included.</source>
        <translation>প্রতিবেদনে কী থাকবে ও কীভাবে ভাগ করা হবে তা বেছে নিন, তারপর এখানে খসড়া দেখুন বা এক্সপোর্ট করুন। কোনো অবস্থায় টিক না দিলে সব অবস্থা অন্তর্ভুক্ত হবে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action plan:</source>
        <translation>কর্মপরিকল্পনা:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ministry:</source>
        <translation>মন্ত্রণালয়:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster:</source>
        <translation>ক্লাস্টার:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Group by:</source>
        <translation>ভাগের ভিত্তি:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statuses:</source>
        <translation>অবস্থা:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>and</source>
        <translation>থেকে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status as of:</source>
        <translation>অবস্থার তারিখ:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Report language:</source>
        <translation>প্রতিবেদনের ভাষা:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Due between</source>
        <translation>নির্ধারিত তারিখ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>খসড়া দেখুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Excel…</source>
        <translation>এক্সেল এক্সপোর্ট…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PDF…</source>
        <translation>পিডিএফ এক্সপোর্ট…</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../ui/reform_text.py" line="+4"/>
        <source>Lead</source>
        <translation>মূল</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared</source>
        <translation>যৌথ</translation>
    </message>
</context>
<context>
    <name>SearchScreen</name>
    <message>
        <location filename="../../ui/screens/search.py" line="+167"/>
        <source>Activity {number}</source>
        <translation>কার্যক্রম {number}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Objective {number}</source>
        <translation>উদ্দেশ্য {number}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Type a word in English or Bangla to search.</source>
        <translation>খুঁজতে ইংরেজি বা বাংলায় কোনো শব্দ লিখুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type at least one word (letters or digits).</source>
        <translation>অন্তত একটি শব্দ (অক্ষর বা অঙ্ক) লিখুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No results for “{query}”.</source>
        <translation>“{query}”-এর কোনো ফলাফল পাওয়া যায়নি।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Results {first}–{last} of {total}</source>
        <translation>{total}টির মধ্যে {first}–{last} নম্বর ফলাফল</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Search</source>
        <translation>অনুসন্ধান</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Objectives, activities, indicators, comments, status notes and evidence titles, in English and Bangla. Results appear as you type; press Enter or double-click a result to open its activity.</source>
        <translation>ইংরেজি ও বাংলায় উদ্দেশ্য, কার্যক্রম, সূচক, মন্তব্য, অবস্থার নোট ও প্রমাণকের শিরোনাম। লেখার সঙ্গে সঙ্গে ফলাফল দেখা যায়; কোনো ফলাফলের কার্যক্রম খুলতে এন্টার চাপুন বা তাতে ডাবল-ক্লিক করুন।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search words, e.g. allowance or ভাতা</source>
        <translation>অনুসন্ধানের শব্দ, যেমন ভাতা বা allowance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All statuses</source>
        <translation>সব অবস্থা</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Due between</source>
        <translation>নির্ধারিত তারিখ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>and</source>
        <translation>থেকে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous</source>
        <translation>আগের</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>পরের</translation>
    </message>
</context>
<context>
    <name>SeriesChart</name>
    <message>
        <location filename="../../ui/charts.py" line="+161"/>
        <source>Budget (crore taka)</source>
        <translation>বাজেট (কোটি টাকা)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beneficiaries (lakh)</source>
        <translation>উপকারভোগী (লাখ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget of listed programmes, by fiscal year</source>
        <translation>তালিকাভুক্ত কর্মসূচির বাজেট, অর্থবছরভিত্তিক</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beneficiaries of listed programmes, by fiscal year</source>
        <translation>তালিকাভুক্ত কর্মসূচির উপকারভোগী, অর্থবছরভিত্তিক</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Point at a year in the chart to read its exact values.</source>
        <translation>সঠিক মান দেখতে চার্টে কোনো বছরের ওপর মাউস রাখুন।</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>not available</source>
        <translation>পাওয়া যায়নি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{year}: budget {budget} crore taka; beneficiaries {people} lakh</source>
        <translation>{year}: বাজেট {budget} কোটি টাকা; উপকারভোগী {people} লাখ</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../ui/screens/settings.py" line="+98"/>
        <source>Settings</source>
        <translation>সেটিংস</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interface language</source>
        <translation>ব্যবহারের ভাষা</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The change applies at once and is saved in this installation&apos;s database.</source>
        <translation>পরিবর্তনটি সঙ্গে সঙ্গে কার্যকর হয় এবং এই ইনস্টলেশনের ডেটাবেজে সংরক্ষিত থাকে।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This installation</source>
        <translation>এই ইনস্টলেশন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ministry:</source>
        <translation>মন্ত্রণালয়:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database file:</source>
        <translation>ডেটাবেজ ফাইল:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None chosen (GED or viewer)</source>
        <translation>বাছাই করা হয়নি (জিইডি বা পাঠক)</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <location filename="../../ui/core_text.py" line="-14"/>
        <source>actual</source>
        <translation>প্রকৃত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revised</source>
        <translation>সংশোধিত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reported</source>
        <translation>প্রতিবেদিত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>proposed</source>
        <translation>প্রস্তাবিত</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/reform_text.py" line="-27"/>
        <source>Completed</source>
        <translation>সম্পন্ন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>চলমান</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delayed</source>
        <translation>বিলম্বিত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not started</source>
        <translation>শুরু হয়নি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropped</source>
        <translation>বাদ দেওয়া হয়েছে</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>{status} (pending: {pending})</source>
        <translation>{status} (অনুমোদনের অপেক্ষায়: {pending})</translation>
    </message>
</context>
<context>
    <name>StatusProgressChart</name>
    <message>
        <location filename="../../ui/status_chart.py" line="+49"/>
        <source>Q{number}</source>
        <translation>প্রান্তিক {number}</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>{period} (to {date}): {counts}</source>
        <translation>{period} ({date} পর্যন্ত): {counts}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Point at a bar to read its exact counts.</source>
        <translation>সঠিক সংখ্যা দেখতে কোনো স্তম্ভের ওপর মাউস রাখুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No quarter has ended yet in this period.</source>
        <translation>এই সময়ে এখনো কোনো প্রান্তিক শেষ হয়নি।</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Activities by status at the end of each quarter</source>
        <translation>প্রতিটি প্রান্তিক শেষে অবস্থাভিত্তিক কার্যক্রম</translation>
    </message>
</context>
<context>
    <name>StatusTab</name>
    <message>
        <location filename="../../ui/screens/action_plan_status_form.py" line="+208"/>
        <source>Choose the status to record.</source>
        <translation>যে অবস্থা লিপিবদ্ধ করবেন সেটি বেছে নিন।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The event date cannot be after today ({today}): record what has happened.</source>
        <translation>ঘটনার তারিখ আজকের ({today}) পরের হতে পারে না: যা ঘটেছে শুধু তা-ই লিপিবদ্ধ করুন।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the reporting period, e.g. {example}.</source>
        <translation>প্রতিবেদনকাল উল্লেখ করুন, যেমন {example}।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Write the period as a fiscal year, half or quarter, e.g. {example}.</source>
        <translation>প্রতিবেদনকাল অর্থবছর, অর্ধবছর বা ত্রৈমাসিক হিসেবে লিখুন, যেমন {example}।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The reporting period starts after the event date.</source>
        <translation>প্রতিবেদনকাল ঘটনার তারিখের পরে শুরু হয়েছে।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The note has {count} characters; at most {limit} are allowed.</source>
        <translation>টীকায় {count}টি অক্ষর আছে; সর্বোচ্চ {limit}টি অক্ষর লেখা যায়।</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Saved as a draft: {status} on {date}. It becomes the current status once GED approves it.</source>
        <translation>খসড়া হিসেবে সংরক্ষিত: {date} তারিখে {status}। জিইডি অনুমোদন করলে এটি বর্তমান অবস্থা হবে।</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Local user</source>
        <translation>স্থানীয় ব্যবহারকারী</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Status history, newest first. Events: {count}</source>
        <translation>অবস্থার ইতিহাস, সর্বশেষটি আগে। মোট ঘটনা: {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No status has been recorded yet: the activity counts as Not started (Delayed once its due date has passed).</source>
        <translation>এখনো কোনো অবস্থা লিপিবদ্ধ হয়নি: কার্যক্রমটি &apos;শুরু হয়নি&apos; হিসেবে গণ্য হয় (নির্ধারিত তারিখ পেরিয়ে গেলে &apos;বিলম্বিত&apos;)।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Date</source>
        <translation>তারিখ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Period</source>
        <translation>প্রতিবেদনকাল</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>অবস্থা</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>টীকা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported by</source>
        <translation>প্রতিবেদক</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Approval</source>
        <translation>অনুমোদন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a status</source>
        <translation>অবস্থা লিপিবদ্ধ করুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status:</source>
        <translation>অবস্থা(&amp;S):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event &amp;date:</source>
        <translation>ঘটনার তারিখ(&amp;D):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reporting &amp;period:</source>
        <translation>প্রতিবেদনকাল(&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>টীকা(&amp;N):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a status…</source>
        <translation>অবস্থা বেছে নিন…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What happened, and where the proof is (optional)</source>
        <translation>কী ঘটেছে এবং তার প্রমাণ কোথায় আছে (ঐচ্ছিক)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new status is saved as a draft and added to the history; earlier reports are never changed.</source>
        <translation>নতুন অবস্থা খসড়া হিসেবে সংরক্ষিত হয়ে ইতিহাসে যোগ হয়; আগের প্রতিবেদন কখনো বদলানো হয় না।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sa&amp;ve status</source>
        <translation>অবস্থা সংরক্ষণ করুন(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard changes</source>
        <translation>পরিবর্তন বাতিল করুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the form back as it was (Esc)</source>
        <translation>ফরমটি আগের অবস্থায় ফিরিয়ে নিন (Esc)</translation>
    </message>
</context>
<context>
    <name>SyncFields</name>
    <message>
        <location filename="../../ui/screens/sync.py" line="-113"/>
        <source>Note</source>
        <translation>টীকা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explanation</source>
        <translation>ব্যাখ্যা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approval state</source>
        <translation>অনুমোদনের অবস্থা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget stage</source>
        <translation>বাজেট পর্যায়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported as not available</source>
        <translation>তথ্য নেই হিসেবে জানানো</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiscal year</source>
        <translation>অর্থবছর</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beneficiaries</source>
        <translation>উপকারভোগী</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>অর্থের পরিমাণ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target value</source>
        <translation>লক্ষ্যমাত্রার মান</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not available</source>
        <translation>তথ্য নেই</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>অবস্থা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>শিরোনাম</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>লেখা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document date</source>
        <translation>দলিলের তারিখ</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <location line="-60"/>
        <source>Waiting to be sent</source>
        <translation>পাঠানোর অপেক্ষায়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change sets saved on this PC that the server has not confirmed yet.</source>
        <translation>এই কম্পিউটারে সংরক্ষিত যেসব পরিবর্তন-সেট সার্ভার এখনো নিশ্চিত করেনি।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held by the server</source>
        <translation>সার্ভারে অপেক্ষমাণ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received by the server, which waits for an earlier change set or an attachment before applying them.</source>
        <translation>সার্ভার পেয়েছে, তবে প্রয়োগের আগে আগের কোনো পরিবর্তন-সেট বা সংযুক্তির অপেক্ষা করছে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivered (receipt kept)</source>
        <translation>পৌঁছেছে (প্রাপ্তিস্বীকার সংরক্ষিত)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applied at GED; the server&apos;s signed receipt is kept on this PC.</source>
        <translation>জিইডিতে প্রয়োগ হয়েছে; সার্ভারের স্বাক্ষরিত প্রাপ্তিস্বীকার এই কম্পিউটারে রাখা আছে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused</source>
        <translation>প্রত্যাখ্যাত</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused by the server for good; see the reason in Receipts.</source>
        <translation>সার্ভার স্থায়ীভাবে প্রত্যাখ্যান করেছে; কারণ &apos;প্রাপ্তিস্বীকার&apos; অংশে দেখুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quarantined</source>
        <translation>পর্যালোচনায় আটক</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept aside by GED for review, for example after this PC&apos;s key was revoked. Contact GED IT.</source>
        <translation>জিইডি পর্যালোচনার জন্য আলাদা করে রেখেছে, যেমন এই কম্পিউটারের কী বাতিল হওয়ার পর। জিইডির আইটি শাখার সঙ্গে যোগাযোগ করুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conflicts to resolve</source>
        <translation>নিষ্পত্তির অপেক্ষায় দ্বন্দ্ব</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values changed both here and at GED: choose which to keep.</source>
        <translation>এখানে ও জিইডিতে দুই জায়গাতেই মান বদলেছে: কোনটি রাখা হবে বেছে নিন।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>delivered</source>
        <translation>পৌঁছেছে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused</source>
        <translation>প্রত্যাখ্যাত</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Sending change sets {first}–{last}</source>
        <translation>পরিবর্তন-সেট {first}–{last} পাঠানো হচ্ছে</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received GED&apos;s changes up to entry {seq}</source>
        <translation>জিইডির পরিবর্তন {seq} নম্বর এন্ট্রি পর্যন্ত পাওয়া গেছে</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending evidence file {n} of {total}</source>
        <translation>{total}টির মধ্যে {n} নম্বর প্রমাণক ফাইল পাঠানো হচ্ছে</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receiving evidence file {n} of {total}</source>
        <translation>{total}টির মধ্যে {n} নম্বর প্রমাণক ফাইল গ্রহণ করা হচ্ছে</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>never</source>
        <translation>কখনো নয়</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>(blank)</source>
        <translation>(খালি)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yes</source>
        <translation>হ্যাঁ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>না</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tk {amount}</source>
        <translation>{amount} টাকা</translation>
    </message>
    <message>
        <location line="+308"/>
        <source>Last problem: {problem}</source>
        <translation>সর্বশেষ সমস্যা: {problem}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{user}, on this PC ({device})</source>
        <translation>{user}, এই কম্পিউটারে ({device})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>For GED IT: device {device}, environment {env}, server log seen up to entry {seq}</source>
        <translation>জিইডির আইটি শাখার জন্য: ডিভাইস {device}, এনভায়রনমেন্ট {env}, সার্ভারের লগ {seq} নম্বর এন্ট্রি পর্যন্ত দেখা হয়েছে</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+317"/>
        <source>{n} change(s) from GED wait until your own edits of the same rows are delivered.</source>
        <translation>জিইডির {n}টি পরিবর্তন অপেক্ষায় আছে, যতক্ষণ না একই সারিতে আপনার নিজের সম্পাদনাগুলো পৌঁছায়।</translation>
    </message>
    <message>
        <location line="-305"/>
        <source>deleted at GED</source>
        <translation>জিইডিতে মুছে ফেলা হয়েছে</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Record {id}</source>
        <translation>রেকর্ড {id}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Conflicts ({n})</source>
        <translation>দ্বন্দ্ব ({n}টি)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{state} (reason: {reason})</source>
        <translation>{state} (কারণ: {reason})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change set {id}
Fingerprint (SHA-256) {sha}
Signed by server key {key}</source>
        <translation>পরিবর্তন-সেট {id}
ফিঙ্গারপ্রিন্ট (SHA-256) {sha}
সার্ভারের কী {key} দিয়ে স্বাক্ষরিত</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Receipts ({n})</source>
        <translation>প্রাপ্তিস্বীকার ({n}টি)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Cancelling… what was already delivered stays delivered.</source>
        <translation>বাতিল করা হচ্ছে… যা আগেই পৌঁছেছে তা পৌঁছানোই থাকবে।</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Connecting to the GED server…</source>
        <translation>জিইডি সার্ভারের সঙ্গে সংযোগ করা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{time}: the GED server could not be reached, so no automatic sync was made. Everything stays on this PC until the next try.</source>
        <translation>{time}: জিইডি সার্ভারে পৌঁছানো যায়নি, তাই স্বয়ংক্রিয় সিঙ্ক হয়নি। পরের চেষ্টা পর্যন্ত সবকিছু এই কম্পিউটারেই থাকবে।</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sync cancelled. What was already delivered stays delivered; the next sync continues from there.</source>
        <translation>সিঙ্ক বাতিল করা হয়েছে। যা আগেই পৌঁছেছে তা পৌঁছানোই থাকবে; পরের সিঙ্ক সেখান থেকে চলবে।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sync stopped: {reason}</source>
        <translation>সিঙ্ক থেমে গেছে: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sync stopped because of an unexpected error.</source>
        <translation>একটি অপ্রত্যাশিত ত্রুটির কারণে সিঙ্ক থেমে গেছে।</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a conflict in the list first.</source>
        <translation>আগে তালিকা থেকে একটি দ্বন্দ্ব বেছে নিন।</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Conflict resolved: your values are kept and will be sent at the next sync.</source>
        <translation>দ্বন্দ্ব নিষ্পত্তি হয়েছে: আপনার মান রাখা হয়েছে এবং পরের সিঙ্কে পাঠানো হবে।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conflict resolved: GED&apos;s values are now shown on this PC.</source>
        <translation>দ্বন্দ্ব নিষ্পত্তি হয়েছে: এখন এই কম্পিউটারে জিইডির মান দেখানো হচ্ছে।</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export change sets for GED</source>
        <translation>জিইডির জন্য পরিবর্তন-সেট এক্সপোর্ট করুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NSSS sync files (*.nsss-sync)</source>
        <translation>এনএসএসএস সিঙ্ক ফাইল (*.nsss-sync)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Wrote {n} change set(s) and {b} evidence file(s) to {path}. Take it to GED; import GED&apos;s reply file here.</source>
        <translation>{n}টি পরিবর্তন-সেট ও {b}টি প্রমাণক ফাইল {path}-এ লেখা হয়েছে। ফাইলটি জিইডিতে নিয়ে যান; জিইডির জবাব-ফাইল এখানে ইমপোর্ট করুন।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import GED&apos;s reply</source>
        <translation>জিইডির জবাব ইমপোর্ট করুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NSSS sync files (*.nsss-reply);;All files (*)</source>
        <translation>এনএসএসএস জবাব-ফাইল (*.nsss-reply);;সব ফাইল (*)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enrolled as a device of {ministry}. Sync now to receive GED&apos;s data.</source>
        <translation>{ministry}-এর ডিভাইস হিসেবে নিবন্ধিত হয়েছে। জিইডির ডেটা পেতে এখনই সিঙ্ক করুন।</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sync with the GED server</source>
        <translation>জিইডি সার্ভারের সঙ্গে সিঙ্ক</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ministry</source>
        <translation>মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enrolled by</source>
        <translation>নিবন্ধনকারী</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GED server</source>
        <translation>জিইডি সার্ভার</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last sync</source>
        <translation>শেষ সিঙ্ক</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed current until</source>
        <translation>হালনাগাদ নিশ্চয়তার মেয়াদ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>GED&apos;s signed confirmation of the data on this PC. After this time the data is shown as possibly out of date until the next sync.</source>
        <translation>এই কম্পিউটারের ডেটা সম্পর্কে জিইডির স্বাক্ষরিত নিশ্চয়তা। এই সময়ের পর পরের সিঙ্ক পর্যন্ত ডেটাকে পুরোনো হতে পারে বলে দেখানো হয়।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync now</source>
        <translation>এখনই সিঙ্ক করুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>বাতিল</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to file…</source>
        <translation>ফাইলে এক্সপোর্ট…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For a PC without a connection: write the changes waiting to be sent to a file for GED.</source>
        <translation>সংযোগহীন কম্পিউটারের জন্য: পাঠানোর অপেক্ষায় থাকা পরিবর্তনগুলো জিইডির জন্য একটি ফাইলে লিখুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import reply file…</source>
        <translation>জবাব-ফাইল ইমপোর্ট…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the reply file GED made from your exported file: receipts and GED&apos;s latest data.</source>
        <translation>আপনার এক্সপোর্ট করা ফাইল থেকে জিইডি যে জবাব-ফাইল তৈরি করেছে তা পড়ুন: প্রাপ্তিস্বীকার ও জিইডির সর্বশেষ ডেটা।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enrol this installation…</source>
        <translation>এই ইনস্টলেশন নিবন্ধন করুন…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This installation keeps its data only on this PC. Nothing is sent to GED and nothing is received from the other ministries.</source>
        <translation>এই ইনস্টলেশনের ডেটা শুধু এই কম্পিউটারেই থাকে। জিইডিতে কিছু পাঠানো হয় না, অন্য মন্ত্রণালয় থেকেও কিছু আসে না।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To send your ministry&apos;s figures and progress to GED and receive the approved national data, enrol this PC once. The GED administrator gives you:</source>
        <translation>আপনার মন্ত্রণালয়ের সংখ্যা ও অগ্রগতি জিইডিতে পাঠাতে এবং অনুমোদিত জাতীয় ডেটা পেতে এই কম্পিউটারটি একবার নিবন্ধন করুন। জিইডির প্রশাসক আপনাকে দেবেন:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the GED server address,</source>
        <translation>জিইডি সার্ভারের ঠিকানা,</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a one-time enrolment code (valid for 24 hours),</source>
        <translation>একটি এককালীন নিবন্ধন কোড (২৪ ঘণ্টা বৈধ),</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the GED root key, which lets this PC check that it talks to the real GED server.</source>
        <translation>জিইডির রুট কী, যা দিয়ে এই কম্পিউটার যাচাই করে যে সে আসল জিইডি সার্ভারের সঙ্গেই যোগাযোগ করছে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enrolment needs a connection once. After that, a PC that is never online can sync by file (export, then import GED&apos;s reply).</source>
        <translation>নিবন্ধনের জন্য একবার সংযোগ লাগে। এরপর যে কম্পিউটার কখনো অনলাইনে আসে না, সেটিও ফাইলের মাধ্যমে সিঙ্ক করতে পারে (এক্সপোর্ট, তারপর জিইডির জবাব ইমপোর্ট)।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep my values</source>
        <translation>আমার মান রাখুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the server&apos;s values</source>
        <translation>সার্ভারের মান নিন</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Someone at GED changed the same values before your change arrived. Nothing was lost: choose which values to keep. Keeping yours sends them again.</source>
        <translation>আপনার পরিবর্তন পৌঁছানোর আগেই জিইডিতে কেউ একই মানগুলো বদলেছেন। কিছুই হারায়নি: কোন মান রাখা হবে বেছে নিন। আপনার মান রাখলে সেগুলো আবার পাঠানো হবে।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No conflicts. If someone at GED changes the same values as you before your change arrives, both versions are shown here for you to choose.</source>
        <translation>কোনো দ্বন্দ্ব নেই। আপনার পরিবর্তন পৌঁছানোর আগে জিইডিতে কেউ একই মান বদলালে দুটি সংস্করণই এখানে দেখানো হবে, আপনি বেছে নেবেন।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No receipts yet. When a change made on this PC reaches GED, the server&apos;s signed receipt is listed here.</source>
        <translation>এখনো কোনো প্রাপ্তিস্বীকার নেই। এই কম্পিউটারে করা কোনো পরিবর্তন জিইডিতে পৌঁছালে সার্ভারের স্বাক্ষরিত প্রাপ্তিস্বীকার এখানে দেখানো হবে।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What</source>
        <translation>রেকর্ড</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>তথ্যের নাম</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your value</source>
        <translation>আপনার মান</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Server&apos;s value</source>
        <translation>সার্ভারের মান</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noticed</source>
        <translation>শনাক্তের সময়</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change set</source>
        <translation>পরিবর্তন-সেট</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>ফলাফল</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Received at GED</source>
        <translation>জিইডিতে পৌঁছানোর সময়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows changed</source>
        <translation>পরিবর্তিত সারি</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>GED log entry</source>
        <translation>জিইডির লগ এন্ট্রি</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fingerprint</source>
        <translation>ফিঙ্গারপ্রিন্ট</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflicts</source>
        <translation>দ্বন্দ্ব</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts</source>
        <translation>প্রাপ্তিস্বীকার</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Sync finished.</source>
        <translation>সিঙ্ক শেষ হয়েছে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{sent} change set(s) sent, {acked} delivered.</source>
        <translation>{sent}টি পরিবর্তন-সেট পাঠানো হয়েছে, {acked}টি পৌঁছেছে।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing was waiting to be sent.</source>
        <translation>পাঠানোর অপেক্ষায় কিছু ছিল না।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{held} held by the server, {rejected} refused, {quarantined} quarantined.</source>
        <translation>{held}টি সার্ভারে অপেক্ষমাণ, {rejected}টি প্রত্যাখ্যাত, {quarantined}টি পর্যালোচনায় আটক।</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} new conflict(s): see Conflicts below.</source>
        <translation>{n}টি নতুন দ্বন্দ্ব: নিচে &apos;দ্বন্দ্ব&apos; দেখুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+25"/>
        <source>{n} changed row(s) received from GED.</source>
        <translation>জিইডি থেকে {n}টি পরিবর্তিত সারি পাওয়া গেছে।</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>The server refused a change set: {reason}</source>
        <translation>সার্ভার একটি পরিবর্তন-সেট প্রত্যাখ্যান করেছে: {reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This reply file was imported before; nothing changed.</source>
        <translation>এই জবাব-ফাইল আগেই ইমপোর্ট করা হয়েছে; কিছুই বদলায়নি।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reply imported: {acked} change set(s) delivered, {held} held, {rejected} refused, {quarantined} quarantined.</source>
        <translation>জবাব ইমপোর্ট হয়েছে: {acked}টি পরিবর্তন-সেট পৌঁছেছে, {held}টি অপেক্ষমাণ, {rejected}টি প্রত্যাখ্যাত, {quarantined}টি পর্যালোচনায় আটক।</translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <location line="-830"/>
        <source>Not enrolled with the GED server</source>
        <translation>জিইডি সার্ভারে নিবন্ধিত নয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolled, never synced</source>
        <translation>নিবন্ধিত, কখনো সিঙ্ক হয়নি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data may be stale</source>
        <translation>ডেটা পুরোনো হতে পারে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes waiting to be sent</source>
        <translation>পরিবর্তন পাঠানোর অপেক্ষায়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflicts to resolve</source>
        <translation>নিষ্পত্তির অপেক্ষায় দ্বন্দ্ব</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synced</source>
        <translation>সিঙ্ক করা আছে</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last sync did not finish</source>
        <translation>শেষ সিঙ্ক শেষ হয়নি</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sync now to receive GED&apos;s data; your own changes are sent at the same time.</source>
        <translation>জিইডির ডেটা পেতে এখনই সিঙ্ক করুন; একই সঙ্গে আপনার নিজের পরিবর্তনগুলোও পাঠানো হবে।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GED has not confirmed this data for a while: what you see may be out of date. Sync when a connection is available.</source>
        <translation>জিইডি বেশ কিছু সময় ধরে এই ডেটা নিশ্চিত করেনি: যা দেখছেন তা হালনাগাদ না-ও হতে পারে। সংযোগ পেলে সিঙ্ক করুন।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Some of your changes are not at GED yet. They are kept safely on this PC until the server confirms them.</source>
        <translation>আপনার কিছু পরিবর্তন এখনো জিইডিতে পৌঁছায়নি। সার্ভার নিশ্চিত না করা পর্যন্ত সেগুলো এই কম্পিউটারে নিরাপদে রাখা আছে।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GED changed some values you also changed. Choose below which values to keep.</source>
        <translation>আপনি যেসব মান পরিবর্তন করেছেন, জিইডিও তার কিছু পরিবর্তন করেছে। কোন মান রাখা হবে তা নিচে বেছে নিন।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your changes are at GED and this PC has GED&apos;s latest data.</source>
        <translation>আপনার পরিবর্তনগুলো জিইডিতে পৌঁছেছে এবং এই কম্পিউটারে জিইডির সর্বশেষ ডেটা আছে।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was lost: what was delivered stays delivered. The reason is shown below; sync again once it is dealt with.</source>
        <translation>কিছুই হারায়নি: যা পৌঁছেছে তা পৌঁছানোই থাকবে। কারণ নিচে দেখানো হলো; সমস্যাটির সমাধান হলে আবার সিঙ্ক করুন।</translation>
    </message>
</context>
<context>
    <name>SyncTables</name>
    <message>
        <location line="+32"/>
        <source>Source document</source>
        <translation>উৎস দলিল</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ministry</source>
        <translation>মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster</source>
        <translation>থিম্যাটিক ক্লাস্টার</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster membership</source>
        <translation>ক্লাস্টারের সদস্যপদ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Life-cycle stage</source>
        <translation>জীবনচক্রের পর্যায়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme</source>
        <translation>কর্মসূচি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Implementing ministry</source>
        <translation>বাস্তবায়নকারী মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme life-cycle stage</source>
        <translation>কর্মসূচির জীবনচক্রের পর্যায়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme figure</source>
        <translation>কর্মসূচির সংখ্যা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figure breakdown</source>
        <translation>সংখ্যার বিভাজন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme target</source>
        <translation>কর্মসূচির লক্ষ্যমাত্রা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action Plan</source>
        <translation>কর্মপরিকল্পনা</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objective</source>
        <translation>উদ্দেশ্য</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action Plan activity</source>
        <translation>কর্মপরিকল্পনার কার্যক্রম</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared ministry</source>
        <translation>সহযোগী মন্ত্রণালয়</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indicator</source>
        <translation>সূচক</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status update</source>
        <translation>অবস্থার হালনাগাদ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>মন্তব্য</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>প্রমাণক</translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message>
        <location filename="../../ui/screens/programme_targets.py" line="+182"/>
        <source>Blank: nothing has been entered.</source>
        <translation>খালি: কিছু এন্ট্রি করা হয়নি।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Met: the actual reached the target. On track: at least 90 % of it. Behind: less than 90 %.</source>
        <translation>অর্জিত: প্রকৃত মান লক্ষ্যমাত্রায় পৌঁছেছে। সঠিক পথে: লক্ষ্যমাত্রার অন্তত ৯০ %। পিছিয়ে: ৯০ %-এর কম।</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{months} months, {stage}</source>
        <translation>{months} মাস, {stage}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Type the target, or NA when no target was set.</source>
        <translation>লক্ষ্যমাত্রা লিখুন, অথবা কোনো লক্ষ্যমাত্রা নির্ধারিত না থাকলে NA লিখুন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” cannot be used: type a number in {unit} (Bangla digits are fine), or NA.</source>
        <translation>“{value}” ব্যবহার করা যাবে না: {unit} এককে একটি সংখ্যা লিখুন (বাংলা অঙ্কও চলবে), অথবা NA লিখুন।</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved: the {measure} target for {year}.</source>
        <translation>সংরক্ষিত: {year} অর্থবছরের {measure} লক্ষ্যমাত্রা।</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Fiscal &amp;year:</source>
        <translation>অর্থবছর(&amp;Y):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measure</source>
        <translation>পরিমাপ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>লক্ষ্যমাত্রা</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Actual</source>
        <translation>প্রকৃত</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Achieved</source>
        <translation>অর্জন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>অবস্থা</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Actual covers</source>
        <translation>প্রকৃতের সময়কাল</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actuals are the figures the dashboards use (approved). An empty cell means nothing was entered; “not available” means it was reported as not available; 0 is a real zero.</source>
        <translation>প্রকৃত মান হলো ড্যাশবোর্ডে ব্যবহৃত (অনুমোদিত) সংখ্যা। খালি ঘর মানে কিছু এন্ট্রি করা হয়নি; “তথ্য নেই” মানে তথ্য নেই বলে জানানো হয়েছে; ০ মানে প্রকৃতই শূন্য।</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set a target for the selected year</source>
        <translation>নির্বাচিত বছরের জন্য লক্ষ্যমাত্রা নির্ধারণ করুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Measure:</source>
        <translation>পরিমাপ(&amp;M):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Value:</source>
        <translation>মান(&amp;V):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>টীকা(&amp;N):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a number, or NA</source>
        <translation>একটি সংখ্যা, অথবা NA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>where the target comes from (optional)</source>
        <translation>লক্ষ্যমাত্রার উৎস (ঐচ্ছিক)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save target</source>
        <translation>লক্ষ্যমাত্রা সংরক্ষণ করুন(&amp;S)</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../ui/screens/ministries.py" line="-48"/>
        <source>persons</source>
        <translation>ব্যক্তি</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>families</source>
        <translation>পরিবার</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../ui/unlock.py" line="+97"/>
        <source>Type the passphrase first.</source>
        <translation>আগে পাসফ্রেজটি লিখুন।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the recovery code first.</source>
        <translation>আগে রিকভারি কোডটি লিখুন।</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The recovery code is not correct.</source>
        <translation>রিকভারি কোডটি সঠিক নয়।</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The passphrase is not correct.</source>
        <translation>পাসফ্রেজটি সঠিক নয়।</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Unlock NSSS M&amp;E Desktop</source>
        <translation>এনএসএসএস পরিবীক্ষণ ও মূল্যায়ন ডেস্কটপ খুলুন</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This database is locked.</source>
        <translation>এই ডেটাবেজটি লক করা আছে।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the recovery code printed when the database was set up.</source>
        <translation>ডেটাবেজ প্রস্তুত করার সময় যে রিকভারি কোড দেওয়া হয়েছিল, সেটি লিখুন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the passphrase chosen when the database was set up.</source>
        <translation>ডেটাবেজ প্রস্তুত করার সময় যে পাসফ্রেজ বেছে নেওয়া হয়েছিল, সেটি লিখুন।</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery code:</source>
        <translation>রিকভারি কোড:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase:</source>
        <translation>পাসফ্রেজ:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the recovery code instead</source>
        <translation>এর বদলে রিকভারি কোড ব্যবহার করুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlocking…</source>
        <translation>খোলা হচ্ছে…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock</source>
        <translation>খুলুন</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>বন্ধ করুন</translation>
    </message>
</context>
</TS>
