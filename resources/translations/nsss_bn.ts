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
    <name>Columns</name>
    <message>
        <location filename="../../ui/core_text.py" line="+82"/>
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
    <name>CoreErrors</name>
    <message>
        <location line="-90"/>
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
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location line="+5"/>
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
</context>
<context>
    <name>CoreStatus</name>
    <message>
        <location line="+6"/>
        <source>Reading the demo data…</source>
        <translation>ডেমো ডেটা পড়া হচ্ছে…</translation>
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
    <name>DashboardTableModel</name>
    <message>
        <location filename="../../ui/models/table_model.py" line="+75"/>
        <source>Not available: no figure was found for this year.</source>
        <translation>পাওয়া যায়নি: এই বছরের কোনো সংখ্যা পাওয়া যায়নি।</translation>
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
    <name>Job</name>
    <message>
        <location filename="../../ui/jobs.py" line="+110"/>
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
        <location filename="../../ui/main_window.py" line="+122"/>
        <source>NSSS M&amp;E Desktop</source>
        <translation>এনএসএসএস পরিবীক্ষণ ও মূল্যায়ন ডেস্কটপ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database: {path}</source>
        <translation>ডেটাবেজ: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline: all data is on this computer</source>
        <translation>অফলাইন: সব ডেটা এই কম্পিউটারে আছে</translation>
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
        <location filename="../../ui/main_window.py" line="-91"/>
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
        <source>Programmes</source>
        <translation>কর্মসূচি</translation>
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
        <source>Life cycles</source>
        <translation>জীবনচক্র</translation>
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
        <source>Follow coverage across the life cycle, from pregnancy to old age.</source>
        <translation>গর্ভাবস্থা থেকে বার্ধক্য পর্যন্ত জীবনচক্রজুড়ে আওতা অনুসরণ করুন।</translation>
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
