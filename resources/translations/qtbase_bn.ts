<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!--
  Bangla for Qt's own standard texts. PySide6 ships no qtbase_bn.qm, so without this file
  standard buttons (OK, Cancel, Next, ...) stay in English in the Bangla interface.
  Hand-written; compiled by scripts/update_translations.sh. Contexts and source texts are Qt's.
-->
<TS version="2.1" language="bn" sourcelanguage="en">
<context>
    <name>QPlatformTheme</name>
    <message><source>OK</source><translation>ঠিক আছে</translation></message>
    <message><source>Save</source><translation>সংরক্ষণ</translation></message>
    <message><source>Save All</source><translation>সব সংরক্ষণ</translation></message>
    <message><source>Open</source><translation>খুলুন</translation></message>
    <message><source>&amp;Yes</source><translation>হ্যাঁ</translation></message>
    <message><source>Yes to &amp;All</source><translation>সবগুলোতে হ্যাঁ</translation></message>
    <message><source>&amp;No</source><translation>না</translation></message>
    <message><source>N&amp;o to All</source><translation>সবগুলোতে না</translation></message>
    <message><source>Abort</source><translation>বন্ধ করুন</translation></message>
    <message><source>Retry</source><translation>আবার চেষ্টা করুন</translation></message>
    <message><source>Ignore</source><translation>উপেক্ষা করুন</translation></message>
    <message><source>Close</source><translation>বন্ধ</translation></message>
    <message><source>Cancel</source><translation>বাতিল</translation></message>
    <message><source>Discard</source><translation>বাদ দিন</translation></message>
    <message><source>Help</source><translation>সহায়তা</translation></message>
    <message><source>Apply</source><translation>প্রয়োগ করুন</translation></message>
    <message><source>Reset</source><translation>আগের অবস্থায় ফেরান</translation></message>
    <message><source>Restore Defaults</source><translation>ডিফল্ট মান ফিরিয়ে আনুন</translation></message>
</context>
<context>
    <name>QWizard</name>
    <message><source>&lt; &amp;Back</source><translation>&lt; পেছনে</translation></message>
    <message><source>&amp;Next &gt;</source><translation>পরবর্তী &gt;</translation></message>
    <message><source>&amp;Next</source><translation>পরবর্তী</translation></message>
    <message><source>Go Back</source><translation>পেছনে যান</translation></message>
    <message><source>Continue</source><translation>চালিয়ে যান</translation></message>
    <message><source>Commit</source><translation>নিশ্চিত করুন</translation></message>
    <message><source>Done</source><translation>সম্পন্ন</translation></message>
    <message><source>&amp;Finish</source><translation>শেষ করুন</translation></message>
    <message><source>Cancel</source><translation>বাতিল</translation></message>
    <message><source>Help</source><translation>সহায়তা</translation></message>
    <message><source>&amp;Help</source><translation>সহায়তা</translation></message>
</context>
<context>
    <name>QProgressDialog</name>
    <message><source>Cancel</source><translation>বাতিল</translation></message>
</context>
<context>
    <name>QMessageBox</name>
    <message><source>Show Details...</source><translation>বিস্তারিত দেখুন...</translation></message>
    <message><source>Hide Details...</source><translation>বিস্তারিত লুকান...</translation></message>
</context>
<context>
    <name>QLineEdit</name>
    <message><source>&amp;Undo</source><translation>আগের অবস্থায় ফিরুন</translation></message>
    <message><source>&amp;Redo</source><translation>পুনরায় করুন</translation></message>
    <message><source>Cu&amp;t</source><translation>কাটুন</translation></message>
    <message><source>&amp;Copy</source><translation>কপি করুন</translation></message>
    <message><source>&amp;Paste</source><translation>পেস্ট করুন</translation></message>
    <message><source>Delete</source><translation>মুছুন</translation></message>
    <message><source>Select All</source><translation>সব নির্বাচন করুন</translation></message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message><source>&amp;Undo</source><translation>আগের অবস্থায় ফিরুন</translation></message>
    <message><source>&amp;Redo</source><translation>পুনরায় করুন</translation></message>
    <message><source>Cu&amp;t</source><translation>কাটুন</translation></message>
    <message><source>&amp;Copy</source><translation>কপি করুন</translation></message>
    <message><source>Copy &amp;Link Location</source><translation>লিংকের ঠিকানা কপি করুন</translation></message>
    <message><source>&amp;Paste</source><translation>পেস্ট করুন</translation></message>
    <message><source>Delete</source><translation>মুছুন</translation></message>
    <message><source>Select All</source><translation>সব নির্বাচন করুন</translation></message>
</context>
<context>
    <name>QFileDialog</name>
    <message><source>Look in:</source><translation>যেখানে খুঁজবেন:</translation></message>
    <message><source>File &amp;name:</source><translation>ফাইলের নাম:</translation></message>
    <message><source>Files of type:</source><translation>ফাইলের ধরন:</translation></message>
    <message><source>&amp;Open</source><translation>খুলুন</translation></message>
    <message><source>&amp;Save</source><translation>সংরক্ষণ</translation></message>
    <message><source>&amp;Choose</source><translation>বেছে নিন</translation></message>
    <message><source>Create New Folder</source><translation>নতুন ফোল্ডার তৈরি করুন</translation></message>
    <message><source>Back</source><translation>পেছনে</translation></message>
    <message><source>Forward</source><translation>সামনে</translation></message>
    <message><source>Parent Directory</source><translation>উপরের ফোল্ডার</translation></message>
    <message><source>List View</source><translation>তালিকা আকারে</translation></message>
    <message><source>Detail View</source><translation>বিস্তারিত আকারে</translation></message>
</context>
</TS>
